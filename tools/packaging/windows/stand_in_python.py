"""Write a stand-in "embeddable CPython" zip, for testing the installer's NSIS step only.

python.org cannot be reached from every build machine; pynsist needs the embeddable zip to lay
out the installer. This zip has the file names pynsist and the installer script use (python.exe,
pythonXY.dll, pythonXY.zip, pythonXY._pth) but no working Python: an installer built with it
compiles but does not run. Usage: stand_in_python.py OUT.zip 3.11
"""

import sys
import zipfile

NOTICE = b"stand-in: not a Python build; for testing the installer script only\r\n"


def main(out: str, version: str) -> None:
    tag = version.replace(".", "")
    with zipfile.ZipFile(out, "w") as archive:
        for name in ("python.exe", "pythonw.exe", f"python{tag}.dll", f"python{tag}.zip", "STAND-IN.txt"):
            archive.writestr(name, NOTICE)
        archive.writestr(f"python{tag}._pth", f"python{tag}.zip\r\n.\r\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
