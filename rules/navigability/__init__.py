"""Rules of the navigability category: files and functions an agent can read and hold in mind."""

from auditor.rule import Rule

from . import (
    complex_function,
    file_over_read_cap,
    long_file,
    long_function,
)

RULES: tuple[Rule, ...] = (
    file_over_read_cap.RULE,
    long_file.RULE,
    long_function.RULE,
    complex_function.RULE,
)
