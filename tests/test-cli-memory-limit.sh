#!/usr/bin/env bash
# test-cli-memory-limit.sh CLI ASAN — heapscope-cli limits its own memory: a list of 160 MB
# is a MemoryError under --memory-limit 64 and fine under the default 2 GiB; a wrong
# value is a usage error. ASAN=1 (the sanitizer build, where the limit is off) skips the
# first check. Speaks TAP.
set -uo pipefail
cli=$1 asan=$2
prog=$(mktemp "${TMPDIR:-/tmp}/heapscope-memory.XXXXXX.py")
trap 'rm -f "$prog"' EXIT
printf 'x = [0] * 20000000\nprint(len(x))\n' >"$prog"
echo "1..3"
if [[ $asan == 1 ]]; then
  echo "ok 1 # SKIP AddressSanitizer needs the address space the limit would take"
else
  err=$("$cli" run --memory-limit 64 "$prog" 2>&1 >/dev/null)
  status=$?
  if [[ $status == 1 && $err == *MemoryError* ]]; then
    echo "ok 1 - under --memory-limit 64 the list is a MemoryError"
  else
    echo "not ok 1 - under --memory-limit 64: status $status, stderr: $err"
  fi
fi
out=$("$cli" run "$prog" 2>&1)
if [[ $out == 20000000 ]]; then
  echo "ok 2 - under the default limit the list is made"
else
  echo "not ok 2 - under the default limit: $out"
fi
"$cli" run --memory-limit=lots "$prog" >/dev/null 2>&1
status=$?
if [[ $status == 2 ]]; then
  echo "ok 3 - a wrong --memory-limit is a usage error"
else
  echo "not ok 3 - a wrong --memory-limit gave status $status"
fi
