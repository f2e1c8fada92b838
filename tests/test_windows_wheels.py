"""Every dependency resolves as a Windows wheel (win_amd64 and win32) for the installer's CPython 3.11.

Asks the package index with `pip download --platform ... --only-binary=:all:`, as
tools/packaging/windows/build_installer.sh does. Skips, with the reason, only when the package
index cannot be reached at all; a dependency without a Windows wheel fails.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "tools" / "packaging" / "windows" / "build_installer.sh"


def download(platform: str, folder: Path, *requirements: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--only-binary=:all:",
                           "--platform", platform, "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311",
                           "--dest", str(folder), *requirements], capture_output=True, text=True, timeout=300)


def test_the_installer_pins_a_python_that_runs_on_windows_8_1():
    text = SCRIPT.read_text(encoding="utf-8")
    version = re.search(r'PYTHON_VERSION="\$\{PYTHON_VERSION:-([0-9.]+)\}"', text).group(1)
    assert version.startswith(("3.11.", "3.12."))  # 3.13 needs Windows 10


@pytest.mark.parametrize("platform", ["win_amd64", "win32"])
def test_every_dependency_has_a_windows_wheel(platform, tmp_path):
    if download(platform, tmp_path / "probe", "--no-deps", "polib").returncode != 0:
        pytest.skip("the package index cannot be reached (pip download of a pure wheel failed)")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("feedwise-*.whl")
    done = download(platform, tmp_path / "wheels", str(wheel))
    assert done.returncode == 0, done.stderr[-2000:]
    names = {path.name.split("-")[0].lower() for path in (tmp_path / "wheels").glob("*.whl")}
    assert {"pygame_ce", "pillow", "pydantic_core", "pyyaml", "python_crfsuite", "khmercut"} <= names
    compiled = [path.name for path in (tmp_path / "wheels").glob("*.whl") if "none-any" not in path.name and "py2.py3" not in path.name]
    assert compiled and all(name.endswith(f"cp311-cp311-{platform}.whl") for name in compiled), compiled
