"""Command-line subcommands. Each module defines `register(subparsers)` and a `run(args) -> int`.

Modules here import heavy things (pygame above all) lazily inside `run`, so facilitator
commands such as `validate` start instantly and work on a machine with no display.
"""
