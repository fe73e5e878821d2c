#!/usr/bin/env bash
# test-cli-explain.sh CLI — `heapscope-cli explain`: every step's number, the line just run
# and the What happened sentences (the panel's), and `--help` naming the command.
set -uo pipefail
cli=$1
echo "1..4"
dir=$(mktemp -d "${TMPDIR:-/tmp}/heapscope-explain.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat > "$dir/prog.py" <<'PY'
xs = [1, 2]
xs.append(3)
def ratio(a, b):
    return a / b
ratio(1, 0)
PY
out=$(LC_ALL=C.UTF-8 "$cli" explain "$dir/prog.py")
status=$?
printf '%s\n' "$out" | sed 's/^/# /'
check() { # check N DESCRIPTION PATTERN
  if printf '%s\n' "$out" | grep -qE -- "$3"; then echo "ok $1 - $2"; else echo "not ok $1 - $2"; fi
}
check 1 "each step has its number and the line just run" '^Step 3, after line 2: xs\.append\(3\)$'
check 2 "the panel's sentences, indented" '^  list #[0-9]+: item 2 appended: 3$'
check 3 "an exception leaving a function is told as raised" \
  '^  ratio\(\) raised ZeroDivisionError; its frame is gone$'
help=$("$cli" --help)
if [ "$status" -eq 1 ] && printf '%s\n' "$help" | grep -q 'heapscope-cli explain FILE'; then
  echo "ok 4 - exit status 1 after an uncaught exception; --help lists explain"
else
  echo "not ok 4 - exit status $status, or --help does not list explain"
fi
