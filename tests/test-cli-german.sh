#!/usr/bin/env bash
# test-cli-german.sh CLI LOCALEDIR — runs `heapscope-cli --help` under a German locale with
# the catalogues of the build tree and checks that the help, an error and `explain` are
# German. Generates de_DE.UTF-8 with localedef when the system lacks it (glibc ignores
# LANGUAGE under the C locale).
set -uo pipefail
cli=$1 localedir=$2
echo "1..3"
# Without root, localedef cannot write the system archive: build the locale into a private
# directory instead and point glibc at it with LOCPATH.
if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
  if ! localedef -i de_DE -f UTF-8 de_DE.UTF-8 2>/dev/null; then
    locpath=$(mktemp -d "${TMPDIR:-/tmp}/heapscope-locale.XXXXXX")
    trap 'rm -rf "$locpath"' EXIT
    localedef -i de_DE -f UTF-8 "$locpath/de_DE.UTF-8" 2>/dev/null ||
      { echo "Bail out! de_DE.UTF-8 is missing and localedef failed (install 'locales')"; exit 1; }
    export LOCPATH=$locpath
  fi
fi
out=$(LC_ALL= LANGUAGE=de LANG=de_DE.UTF-8 HEAPSCOPE_LOCALEDIR=$localedir "$cli" --help 2>&1)
printf '%s\n' "$out" | sed 's/^/# /'
if printf '%s\n' "$out" | grep -q 'Aufruf:'; then
  echo "ok 1 - heapscope-cli --help is German"
else
  echo "not ok 1 - heapscope-cli --help is not German"
fi
err=$(LC_ALL= LANGUAGE=de LANG=de_DE.UTF-8 HEAPSCOPE_LOCALEDIR=$localedir "$cli" frobnicate 2>&1)
printf '%s\n' "$err" | sed 's/^/# /'
if printf '%s\n' "$err" | grep -q 'unbekannter Befehl'; then
  echo "ok 2 - an error message is German"
else
  echo "not ok 2 - the unknown-command message is not German"
fi
prog=$(mktemp "${TMPDIR:-/tmp}/heapscope-explain.XXXXXX.py")
printf 'xs = [1]\nxs.append(2)\n' > "$prog"
exp=$(LC_ALL= LANGUAGE=de LANG=de_DE.UTF-8 HEAPSCOPE_LOCALEDIR=$localedir "$cli" explain "$prog" 2>&1)
rm -f "$prog"
printf '%s\n' "$exp" | sed 's/^/# /'
if printf '%s\n' "$exp" | grep -q 'Schritt 3, nach Zeile 2' &&
   printf '%s\n' "$exp" | grep -qE 'list #[0-9]+: Element 1 angehängt: 2'; then
  echo "ok 3 - heapscope-cli explain speaks German"
else
  echo "not ok 3 - heapscope-cli explain is not German"
fi
