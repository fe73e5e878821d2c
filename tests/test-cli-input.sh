#!/usr/bin/env bash
# test-cli-input.sh CLI — input() reads heapscope-cli's standard input as CPython's does:
# `run` writes the prompt without a newline and reads a line without its newline (also
# "\r\n"); the end of input is EOFError with CPython's traceback; `trace` records the
# answers after their prompts in the output (Python Tutor's convention). Speaks TAP.
set -uo pipefail
cli=$1
prog=$(mktemp "${TMPDIR:-/tmp}/heapscope-input.XXXXXX.py")
trap 'rm -f "$prog"' EXIT
printf 'a = input("A? ")\nb = input()\nprint([a, b])\ninput("C? ")\n' >"$prog"
echo "1..4"
out=$(printf 'one\r\ntwo' | "$cli" run "$prog" 2>/dev/null)
if [[ $out == "A? ['one', 'two']"$'\n'"C? " ]]; then
  echo "ok 1 - run: prompts without newline, lines without their newline"
else
  echo "not ok 1 - run printed: $out"
fi
err=$(printf 'one\ntwo\n' | "$cli" run "$prog" 2>&1 >/dev/null)
status=$?
if [[ $status == 1 && $err == *'line 4, in <module>'*'EOFError: EOF when reading a line' ]]; then
  echo "ok 2 - run: the end of input is EOFError, status 1"
else
  echo "not ok 2 - run at the end of input: status $status, stderr: $err"
fi
out=$("$cli" run "$prog" </dev/null 2>&1)
if [[ $out == "A? Traceback"*'line 1, in <module>'*EOFError* ]]; then
  echo "ok 3 - run: empty stdin is EOFError at the first input()"
else
  echo "not ok 3 - run with empty stdin: $out"
fi
json=$(printf 'one\ntwo\nthree\n' | "$cli" trace "$prog")
if [[ $json == *'"stdout": "A? one\ntwo\n['\''one'\'', '\''two'\'']\nC? three\n"'* ]]; then
  echo "ok 4 - trace: the answers follow their prompts in the recorded output"
else
  echo "not ok 4 - trace output: $json" | head -c 2000
  echo
fi
