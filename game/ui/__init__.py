"""The pygame-ce shell: app loop, scenes, widgets, text layout and theme. The only package (with
`game/commands/`) that imports pygame; logic that does not draw or read input lives in `game/app/`."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before any module of this package imports pygame
