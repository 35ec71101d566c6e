"""`python -m auditor`: the same CLI as the `auditor` command."""

from auditor.cli import main

main()
