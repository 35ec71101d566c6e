"""`python -m auditor`: the same CLI as the `auditor` command, never importing from the cwd."""

import os
import sys

# `python -m` puts the current directory first on sys.path, so inside an untrusted checkout its
# click.py or yaml.py would be imported in place of the real one. The auditor package itself
# is already imported by now (the README says to use the `auditor` script or `python -P`).
if sys.path and sys.path[0] in ("", os.getcwd()) and not sys.flags.safe_path:
    del sys.path[0]

from auditor.cli import main

main()
