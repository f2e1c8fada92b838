"""Entry point: `python main.py` is the same as the `feedwise` console script."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
