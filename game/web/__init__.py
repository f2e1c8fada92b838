"""The offline web: sites, pages and picture histories that authors write, and the index over them.

Pure except `game.web.index`, which uses sqlite3 on a path it is given. Never imports pygame.
May import `game.scenario` and `game.lang` only.
"""
