"""Language, for every layer: the UI string catalogue (`i18n`), number and date formats
(`locale_format`) and Khmer word segmentation (`segment`).

Pure functions over read-only data: no pygame, no clock, no writes. This is the lowest layer of
`game/` but one (`game.resources`): it imports nothing else from the game.
"""
