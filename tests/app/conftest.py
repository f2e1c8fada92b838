"""Shared by the app tests: real result records come from the report tests' factory (tests/report)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
