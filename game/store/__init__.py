"""Package store: never imports pygame."""
