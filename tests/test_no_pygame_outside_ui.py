"""Importing every module outside `game/ui/` and `game/commands/` never loads pygame.

A fresh interpreter imports them all (the pygame-free app layer included) and then looks in
`sys.modules`; the static rule (no `import pygame` text outside those folders) is in
tests/test_layers.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = (
    "import sys, importlib, pkgutil, game\n"
    "for m in pkgutil.walk_packages(game.__path__, 'game.'):\n"
    "    if m.name.startswith(('game.ui', 'game.commands')): continue\n"
    "    importlib.import_module(m.name)\n"
    "print(len(sys.modules))\n"
    "assert 'game.app.round_driver' in sys.modules and 'game.lang.segment' in sys.modules\n"
    "assert 'pygame' not in sys.modules, 'pygame imported outside game.ui: ' + repr(sorted(m for m in sys.modules if m.startswith('pygame')))\n"
)


def test_every_module_outside_the_ui_and_the_commands_imports_without_pygame():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
