"""A real LRS for the integration test: Ralph (ralph-malph 5.1.0) in its own venv, on 127.0.0.1.

`ralph_venv()` creates the venv once and caches it (under $FEEDWISE_TEST_CACHE, default
<tmp>/feedwise-test-cache), so reruns are fast; it returns None with the reason when Ralph cannot
be installed (no package index). `RalphServer` starts `uvicorn` on a free port with the
file-system backend, an auth file with one user, and a tiny app module: Ralph 5.1.0's file-system
backend opens its file in "create" mode, so every POST after the first fails with 500 unless the
backend's `default_operation_type` is set to append.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

RALPH = "ralph-malph[cli,lrs]==5.1.0"
APP_MODULE = '''"""Ralph's API with the file-system backend appending (Ralph 5.1.0 opens it in create mode)."""
from ralph.api.routers import statements
from ralph.backends.data.base import BaseOperationType

statements.BACKEND_CLIENT.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402
'''
STRICT_CHECK = '''import json, sys
from ralph.models.xapi.base.statements import BaseXapiStatement
problems = []
for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        BaseXapiStatement.model_validate(json.loads(line))
    except Exception as error:
        problems.append(f"statement {number}: {error}")
print(json.dumps(problems))
'''


def cache_dir() -> Path:
    return Path(os.environ.get("FEEDWISE_TEST_CACHE") or Path(tempfile.gettempdir()) / "feedwise-test-cache")


def ralph_venv() -> tuple[Path | None, str]:
    """(the venv's python, "") when Ralph is installed there; (None, reason) when it cannot be."""
    venv = cache_dir() / "ralph-5.1.0"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    ready = venv / "feedwise-ready"
    if ready.is_file():
        return python, ""
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, capture_output=True)
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", RALPH, "requests"],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        return None, f"cannot install {RALPH} ({last})"
    ready.write_text("ok\n", encoding="utf-8")
    return python, ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RalphServer:
    def __init__(self, python: Path, folder: Path, user: str, password: str):
        self.python, self.folder = python, folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.store = folder / "lrs"
        self.store.mkdir(parents=True)
        (folder / "feedwise_ralph_app.py").write_text(APP_MODULE, encoding="utf-8")
        hashed = subprocess.run([str(python), "-c", "import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt()).decode())", password],
                                check=True, capture_output=True, text=True).stdout.strip()
        auth = [{"agent": {"mbox": "mailto:feedwise-sync@example.org"}, "scopes": ["all"], "hash": hashed, "username": user}]
        (folder / "auth.json").write_text(json.dumps(auth), encoding="utf-8")
        self.env = {**os.environ, "RALPH_RUNSERVER_BACKEND": "fs", "RALPH_AUTH_FILE": str(folder / "auth.json"),
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.store), "RALPH_APP_DIR": str(folder / "app")}
        self.log = open(folder / "ralph.log", "wb")
        self.process: subprocess.Popen | None = None

    def start(self, wait: float = 60.0) -> None:
        self.process = subprocess.Popen([str(self.python), "-m", "uvicorn", "feedwise_ralph_app:app", "--host", "127.0.0.1", "--port", str(self.port)],
                                        cwd=self.folder, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("Ralph stopped: " + (self.folder / "ralph.log").read_text(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("Ralph did not answer within a minute")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def strict_problems(self, statements: list[dict]) -> list[str]:
        """Each statement checked with Ralph's strict model (`BaseXapiStatement`, extra fields forbidden)."""
        lines = self.folder / "check.jsonl"
        lines.write_text("".join(json.dumps(statement) + "\n" for statement in statements), encoding="utf-8")
        (self.folder / "strict_check.py").write_text(STRICT_CHECK, encoding="utf-8")
        done = subprocess.run([str(self.python), str(self.folder / "strict_check.py"), str(lines)], check=True, capture_output=True, text=True)
        return json.loads(done.stdout)
