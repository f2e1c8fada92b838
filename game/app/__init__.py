"""The shell without pygame: what the commands and screens use but does not draw or read input."""
