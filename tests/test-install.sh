#!/usr/bin/env bash
# test-install.sh BUILDDIR PREFIX DATADIR BINDIR MANDIR LOCALEDIR SOURCEDIR LIBEXECDIR — installs the
# build into a temporary DESTDIR and checks that every file a distribution needs is there.
# Speaks TAP: one line per expected file.
set -uo pipefail

build=$1 prefix=$2 datadir=$3 bindir=$4 mandir=$5 localedir=$6 srcdir=$7 libexecdir=$8
dest=$(mktemp -d "${TMPDIR:-/tmp}/heapscope-destdir.XXXXXX")
trap 'rm -rf "$dest"' EXIT

# Relative install dirs (meson's default) live under the prefix.
abs() { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
datadir=$(abs "$datadir") bindir=$(abs "$bindir") mandir=$(abs "$mandir")
localedir=$(abs "$localedir") libexecdir=$(abs "$libexecdir")

app_id=io.github.heapscope.Heapscope
expected=(
  "$bindir/heapscope"
  "$bindir/heapscope-cli"
  "$libexecdir/heapscope-runner"
  "$libexecdir/heapscope-cli-render"
  "$datadir/applications/$app_id.desktop"
  "$datadir/metainfo/$app_id.metainfo.xml"
  "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  "$mandir/man1/heapscope.1"
  "$mandir/man1/heapscope-cli.1"
)
for f in "$srcdir"/data/examples/*.py; do
  expected+=("$datadir/heapscope/examples/$(basename "$f")")
done
while read -r lang; do
  [[ -z $lang || $lang == \#* ]] && continue
  expected+=("$localedir/$lang/LC_MESSAGES/heapscope.mo")
done <"$srcdir/po/LINGUAS"

n=0
echo "1..$((${#expected[@]} + 6))"
if meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  echo "ok $((++n)) - meson install --destdir"
else
  echo "not ok $((++n)) - meson install --destdir"
  sed 's/^/# /' "$dest.log"
fi
rm -f "$dest.log"
for f in "${expected[@]}"; do
  if [[ -s $dest$f ]]; then
    echo "ok $((++n)) - $f"
  else
    echo "not ok $((++n)) - $f is missing"
  fi
done
# The installed runner works on its own (the app finds it at bindir/../libexecdir); its
# input is the magic HSTI, the version (3), the program's message (type 1, 9 bytes).
if printf 'HSTI\003\001\011print(1)\n' | "$dest$libexecdir/heapscope-runner" >"$dest.stream" 2>/dev/null &&
  [[ $(head -c 4 "$dest.stream") == HSTS ]]; then
  echo "ok $((++n)) - the installed heapscope-runner streams a trace"
else
  echo "not ok $((++n)) - the installed heapscope-runner does not stream a trace"
fi
rm -f "$dest.stream"
# The installed heapscope-cli runs its render as heapscope-cli-render from
# bindir/../libexecdir; itself it loads no library of the diagram's (Graphviz, cairo), which
# would double the start-up of run, trace and explain.
printf 'x = [1, 2]\n' >"$dest.py"
if "$dest$bindir/heapscope-cli" render "$dest.py" --step last -o "$dest.svg" &&
  grep -q '<svg' "$dest.svg"; then
  echo "ok $((++n)) - the installed heapscope-cli renders through heapscope-cli-render"
else
  echo "not ok $((++n)) - the installed heapscope-cli does not render"
fi
rm -f "$dest.py" "$dest.svg"
if ldd "$dest$bindir/heapscope-cli" | grep -Eq 'lib(gvc|cgraph|cairo|pango)'; then
  echo "not ok $((++n)) - heapscope-cli loads the diagram's libraries"
  ldd "$dest$bindir/heapscope-cli" | grep -E 'lib(gvc|cgraph|cairo|pango)' | sed 's/^/# /'
else
  echo "ok $((++n)) - heapscope-cli loads no Graphviz, cairo or Pango"
fi
# The merged desktop file and metainfo carry the translations.
desk=$dest$datadir/applications/$app_id.desktop
if grep -q '^Comment\[de\]=' "$desk" 2>/dev/null && grep -q '^Comment\[es\]=' "$desk"; then
  echo "ok $((++n)) - desktop file has German and Spanish comments"
else
  echo "not ok $((++n)) - desktop file lacks translated comments"
fi
meta=$dest$datadir/metainfo/$app_id.metainfo.xml
if grep -q 'xml:lang="de"' "$meta" 2>/dev/null && grep -q 'xml:lang="es"' "$meta"; then
  echo "ok $((++n)) - metainfo has German and Spanish text"
else
  echo "not ok $((++n)) - metainfo lacks translations"
fi
