#!/usr/bin/env bash
# Build the one-folder app with PyInstaller from tools/packaging/feedwise.spec.
#
#   tools/packaging/build_bundle.sh [DISTDIR]     (default: dist/; the app is DISTDIR/feedwise/)
#
# Needs the game's dependencies and PyInstaller in the current Python (`pip install -e . pyinstaller`).
# Build on the platform you ship to: on Linux it makes a Linux app, on Windows a Windows one.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${1:-$root/dist}"
python="${PYTHON:-python3}"
"$python" -m PyInstaller --version >/dev/null 2>&1 || "$python" -m pip install --quiet "pyinstaller>=6.10"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$dist" --workpath "$work" "$root/tools/packaging/feedwise.spec"
internal="$dist/feedwise/_internal"
[ -f "$internal/khmercut/crf_ner_10000.crfsuite" ] || { echo "the bundle lacks khmercut's model" >&2; exit 1; }
[ ! -e "$internal/khmercut/nn_model" ] || { echo "the bundle holds khmercut's unused nn_model" >&2; exit 1; }
echo "built $dist/feedwise ($(du -sh "$dist/feedwise" | cut -f1))"
