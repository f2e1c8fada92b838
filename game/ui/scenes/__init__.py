"""The screens: menu, briefing, feed, verify panel, flag reasons, practice feedback, debrief, confirm dialogs.

Each scene is a `game.ui.scene.Scene`; a change of screen is a transition value a scene returns.
"""
