#!/usr/bin/env bash
# test-app-command-line.sh HEAPSCOPE — the app's own options, answered without a window
# or a display: --version prints the version, --help names the FILE argument. TAP.
set -uo pipefail
app=$1
version=$2
echo "1..2"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" --version 2>&1)
if [[ $? == 0 && $out == "heapscope $version" ]]; then
  echo "ok 1 - --version prints the version"
else
  echo "not ok 1 - --version printed: $out"
fi
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" --help 2>&1)
if [[ $? == 0 && $out == *'[FILE.py…]'* && $out == *'--version'* ]]; then
  echo "ok 2 - --help names FILE and --version"
else
  echo "not ok 2 - --help printed: $out"
fi
