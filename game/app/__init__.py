"""The shell without pygame: what the screens use but does not draw or read input.

The round driver and its observers (result file, learner history, session), the scenario library,
the view-models the scenes paint (`present`), the rounds the history opens, the session plan, the
launch options and the frame-loop contract. Nothing here imports pygame; the clock and the files
are reached only through what the caller passes in or through `game.store`.
"""
