"""Task runners (make, just, task, package scripts, tox, nox, ...) and what their targets run."""
