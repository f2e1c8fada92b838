"""Package rules: never imports pygame."""
