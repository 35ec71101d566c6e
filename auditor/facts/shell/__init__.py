"""Reading shell command lines: invocations, wrappers, script lines."""
