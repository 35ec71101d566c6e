"""Rules of the navigability category: files and functions an agent can read and hold in mind."""

from auditor.rule import Rule

from . import (
    complex_function,
    coupling_hot_spot,
    deep_nesting,
    duplicated_code,
    file_over_read_cap,
    long_file,
    long_function,
    missing_type_hints,
    type_escape_hatches,
)

RULES: tuple[Rule, ...] = (
    file_over_read_cap.RULE,
    long_file.RULE,
    long_function.RULE,
    complex_function.RULE,
    deep_nesting.RULE,
    duplicated_code.RULE,
    coupling_hot_spot.RULE,
    missing_type_hints.RULE,
    type_escape_hatches.RULE,
)
