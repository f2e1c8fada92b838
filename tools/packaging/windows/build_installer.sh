#!/usr/bin/env bash
# Build the Feedwise Windows installer with pynsist and NSIS (`makensis`, Debian package `nsis`),
# from Linux or Windows (Git Bash).
#
#   tools/packaging/windows/build_installer.sh [--bitness 64|32] [--python-zip FILE] [--wheels-only]
#                                              [--stand-in-python] [--out DIR]
#
# 1. builds the feedwise wheel and fetches every dependency as a Windows wheel for CPython
#    $PYTHON_VERSION (`pip download --platform win_amd64|win32 --only-binary=:all:`): this fails
#    if any dependency has no Windows wheel;
# 2. writes installer.cfg from installer.cfg.in;
# 3. runs pynsist, which unpacks the embeddable CPython (python-$PYTHON_VERSION-embed-amd64.zip or
#    -win32.zip) and calls makensis. pynsist downloads that zip from python.org unless it is in
#    its cache; on a PC without python.org access pass it with --python-zip FILE.
#
# --wheels-only stops after step 2 (checks the Windows wheels resolve; needs only PyPI).
# --stand-in-python is for testing the NSIS step where python.org cannot be reached: it feeds
# pynsist a tiny fake "embeddable Python" so makensis compiles the script. The installer it
# makes is NOT usable (named ...-STAND-IN-NOT-FOR-USE.exe).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
PYTHON_VERSION="${PYTHON_VERSION:-3.11.9}"
python="${PYTHON:-python3}"
bitness=64 python_zip="" wheels_only=0 stand_in=0 out="$root/build/windows"
while [ $# -gt 0 ]; do
  case "$1" in
    --bitness) bitness="$2"; shift 2 ;;
    --python-zip) python_zip="$2"; shift 2 ;;
    --wheels-only) wheels_only=1; shift ;;
    --stand-in-python) stand_in=1; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$bitness" in 64) platform=win_amd64 arch=amd64 ;; 32) platform=win32 arch=win32 ;; *) echo "--bitness 64 or 32" >&2; exit 2 ;; esac
short="${PYTHON_VERSION%.*}"; abi="cp${short/./}"
version="$("$python" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$root/pyproject.toml")"
build="$out/$platform"
wheels="$build/wheels"
rm -rf "$build"; mkdir -p "$wheels"

echo "--- the feedwise wheel"
"$python" -m pip wheel --quiet --no-deps --no-build-isolation -w "$wheels" "$root"
echo "--- every dependency as a $platform wheel for CPython $short"
"$python" -m pip download --quiet --disable-pip-version-check --only-binary=:all: --platform "$platform" \
  --python-version "$short" --implementation cp --abi "$abi" -d "$wheels" "$wheels"/feedwise-*.whl
ls "$wheels"

installer="Feedwise_${version}_${arch}.exe"
[ "$stand_in" -eq 1 ] && installer="Feedwise_${version}_${arch}-STAND-IN-NOT-FOR-USE.exe"
sed -e "s|@VERSION@|$version|" -e "s|@ROOT@|$root|" -e "s|@PYTHON@|$PYTHON_VERSION|" -e "s|@BITNESS@|$bitness|" \
    -e "s|@WHEELS@|$wheels|" -e "s|@BUILD@|$build|" -e "s|@INSTALLER@|$installer|" "$here/installer.cfg.in" > "$build/installer.cfg"
echo "wrote $build/installer.cfg"
[ "$wheels_only" -eq 1 ] && exit 0

command -v makensis >/dev/null || { echo "makensis not found: install NSIS (Debian: apt-get install nsis)" >&2; exit 1; }
"$python" -m nsist --version >/dev/null 2>&1 || "$python" -m pip install --quiet "pynsist>=2.8"
zip_name="python-$PYTHON_VERSION-embed-$arch.zip"
export PYNSIST_CACHE_DIR="${PYNSIST_CACHE_DIR:-$build/pynsist-cache}"
mkdir -p "$PYNSIST_CACHE_DIR"
if [ -n "$python_zip" ]; then
  cp "$python_zip" "$PYNSIST_CACHE_DIR/$zip_name"
elif [ "$stand_in" -eq 1 ]; then
  export PYNSIST_CACHE_DIR="$build/stand-in-cache"; mkdir -p "$PYNSIST_CACHE_DIR"
  "$python" "$here/stand_in_python.py" "$PYNSIST_CACHE_DIR/$zip_name" "$short"
fi
"$python" -m nsist "$build/installer.cfg"
echo "built $build/nsis/$installer ($(du -h "$build/nsis/$installer" | cut -f1))"
