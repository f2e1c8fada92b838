"""Feedwise: a training game for spotting misinformation and online fraud before sharing it."""

__version__ = "0.1.0"
