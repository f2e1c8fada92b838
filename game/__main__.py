"""`python -m game ...`: the same command line as `python main.py` and the `feedwise` script."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
