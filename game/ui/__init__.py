"""The pygame-ce shell: app loop, scenes, widgets, text layout and theme. The only package that imports pygame."""
