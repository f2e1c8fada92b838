#!/usr/bin/env bash
# Build the wheel, install it in a fresh venv, and run the smoke test from another folder.
#
#   tools/packaging/wheel_smoke.sh [OUTDIR]     (default OUTDIR: dist/)
#
# The venv lives in a temporary folder and is removed afterwards; the wheel stays in OUTDIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/dist}"
mkdir -p "$out"
python="${PYTHON:-python3}"
"$python" -m pip install --quiet build
rm -f "$out"/feedwise-*.whl
"$python" -m build --wheel --outdir "$out" "$root"
wheel="$(ls "$out"/feedwise-*.whl)"
echo "built $wheel ($(du -k "$wheel" | cut -f1) KB)"
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "$wheel"
"$root/tools/packaging/smoke.sh" "$venv/bin/feedwise"
