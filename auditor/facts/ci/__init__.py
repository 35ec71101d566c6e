"""CI: which providers and files, the commands they run, and when they run."""
