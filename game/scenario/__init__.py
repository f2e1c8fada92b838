"""Scenario format: models, the technique catalogue, the one loader and the validator. Never imports pygame."""
