#!/usr/bin/env bash
# The packaging half of CI (.ci/run calls it after the tests); each step also runs by hand.
#
# 1. the wheel: build, install in a fresh venv, smoke test from another folder;
# 2. the one-folder app: build with PyInstaller, smoke test headless from another folder;
# 3. the Windows installer: every dependency as a win_amd64 and a win32 wheel, and makensis
#    compiling the installer script (with a stand-in embeddable Python: python.org is not
#    reachable here, so that installer is not usable and is not kept).
# Prints the time of each step. Work goes to a temporary folder, removed at the end (or to $1, kept).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -ge 1 ]; then out="$1"; else out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
timed() { local start=$SECONDS; "$@"; echo "=== $(basename "$1") done in $((SECONDS - start)) s"; }
timed "$here/wheel_smoke.sh" "$out/wheel"
timed "$here/build_bundle.sh" "$out/bundle"
timed "$here/smoke.sh" "$out/bundle/feedwise/feedwise"
timed "$here/windows/build_installer.sh" --wheels-only --bitness 32 --out "$out/windows"
timed "$here/windows/build_installer.sh" --stand-in-python --bitness 64 --out "$out/windows"
