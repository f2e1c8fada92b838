#!/usr/bin/env bash
# Smoke test of an installed Feedwise, run from an empty folder outside the checkout.
#
#   tools/packaging/smoke.sh COMMAND...
#   e.g. tools/packaging/smoke.sh /tmp/venv/bin/feedwise      (an installed wheel)
#        tools/packaging/smoke.sh dist/feedwise/feedwise      (the one-folder bundle)
#
# Headless (SDL dummy drivers), with its own data folder, so it never touches the user's files.
# Runs: the bare command (the menu starts and keeps running), doctor, validate, an autoplay
# round in English and in Khmer, report (HTML, CSV, xAPI), and checks that messages name the
# installed command rather than `python main.py`. Exits non-zero at the first failure.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
command=("$@")
case "${command[0]}" in */*) command[0]="$(cd "$(dirname "${command[0]}")" && pwd)/$(basename "${command[0]}")" ;; esac
name="$(basename "${command[0]}")"; name="${name%.exe}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" HOME="$work/home"
mkdir -p "$HOME"
step() { echo "--- $name $*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

step "(bare: the menu starts and keeps running for 15 s)"
set +e; timeout 15 "${command[@]}" >bare.out 2>&1; status=$?; set -e
[ "$status" -eq 124 ] || { cat bare.out; fail "bare command exited with $status before the timeout"; }

step doctor
"${command[@]}" doctor --frames 30

step validate tutorial
"${command[@]}" validate tutorial

step "validate (an empty file: the message names this command)"
: > empty.yaml
set +e; "${command[@]}" validate empty.yaml >validate.out 2>&1; set -e
grep -q "start from '$name new NAME'" validate.out || { cat validate.out; fail "message does not name '$name'"; }

mkdir -p results
for language in en km; do
  step autoplay tutorial --lang "$language"
  "${command[@]}" autoplay tutorial --policy perfect --lang "$language" --name "smoke-$language" \
    --out "results/round-$language.json" --data-dir data
  [ -s "results/round-$language.json" ] || fail "no result file for the $language round"
  grep -q "\"language\": *\"$language\"" "results/round-$language.json" || fail "the $language round was not played in $language"
done

step report
"${command[@]}" report results -o report.html --csv csv --xapi statements.jsonl
[ -s report.html ] && [ -s csv/decisions.csv ] && [ -s statements.jsonl ] || fail "report outputs missing"
grep -q "Noto Sans Khmer" report.html || fail "report has no Khmer font"
echo "smoke test passed: $name"
