"""The built-in rule packs, one package per category, each exporting RULES."""
