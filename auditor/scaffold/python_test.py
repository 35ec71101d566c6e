"""A pytest module for one Python module, built as a libcst tree (never by pasting code).

What it holds, in order: the module imported under the name `subject` (the test module is
skipped, with the reason, when the import fails for want of a dependency); an import test that
asserts each public name exists; per public function, class and method, a test skipped with
the reason `TODO: test <signature>` (so `pytest -rs` prints the to-do list; a reason over
the line length of a ruff that checks it, `line_length`, carries `# noqa: E501`); per function or
method with `>>>` examples in its docstring, a test that runs them through `doctest` (unless
the repository already runs `--doctest-modules`). Calls with arguments are written exploded,
one argument a line with a trailing comma, so `ruff format` keeps them at any line length.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import parse_template_module, parse_template_statement

from auditor.scaffold.literals import identifier, string_literal
from auditor.scaffold.python_source import ModuleApi

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement
SUBJECT = "subject"
IMPORT_TEST = """
def test_module_imports_with_its_public_names() -> None:
    for name in {names}:
        assert hasattr(subject, name), name
"""
TODO_TEST = """
@pytest.mark.skip(
    reason={reason},
)
def {name}() -> None:
    pass
"""
LONG_TODO_TEST = """
@pytest.mark.skip(
    reason={reason},  # noqa: E501
)
def {name}() -> None:
    pass
"""
REASON_INDENT = len("    reason=,")
"""The characters of the reason's line besides the string."""
EXAMPLES_TEST = """
def {name}() -> None:
    tries = run_examples(
        {target},
        {qualname},
    )
    assert tries > 0
"""
GUARDED_IMPORT = """
try:
    pass
except ImportError as error:  # a module it imports is not installed here
    pytest.skip(
        {message},
        allow_module_level=True,
    )
"""
UNHIDE = """
if not isinstance(subject, types.ModuleType):  # a name of the package hides the module
    subject = importlib.import_module(
        {name},
    )
"""
NAMELESS_TEST = """
def test_module_imports() -> None:
    assert subject.__name__ == {name}
"""
RUN_EXAMPLES = '''
def run_examples(target: object, name: str) -> int:
    """Run the `>>>` examples of `target`'s docstring; fail on the first wrong one."""
    finder = doctest.DocTestFinder(recurse=False)
    flags = 0
    for flag in {flags}:
        flags |= doctest.OPTIONFLAGS_BY_NAME[flag]
    runner = doctest.DocTestRunner(optionflags=flags)
    for test in finder.find(target, name, globs=vars(subject).copy()):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) of {name} failed"
    return runner.tries
'''


DOCTEST_FLAGS = frozenset(
    {
        "DONT_ACCEPT_BLANKLINE",
        "DONT_ACCEPT_TRUE_FOR_1",
        "ELLIPSIS",
        "IGNORE_EXCEPTION_DETAIL",
        "NORMALIZE_WHITESPACE",
        "REPORT_NDIFF",
    }
)
"""The `doctest` option flags a repository's `doctest_optionflags` may name (pytest's own
`NUMBER`, `ALLOW_UNICODE` and `ALLOW_BYTES` are not `doctest`'s, and are left out)."""


def python_test_module(
    import_name: str,
    api: ModuleApi,
    doctests: bool,
    flags: tuple[str, ...] = ("ELLIPSIS",),
    line_length: int | None = None,
) -> str:
    """The text of the test module for the module importable as `import_name`."""
    body: list[Statement] = []
    used = {SUBJECT, "doctest", "pytest", "run_examples"}
    if api.names:
        body.append(_import_test(api.names))
        used.add("test_module_imports_with_its_public_names")
    else:
        dotted = cst.SimpleString(string_literal(import_name))
        body.append(parse_template_statement(NAMELESS_TEST, name=dotted))
        used.add("test_module_imports")
    for item in api.callables:
        name = _unique(f"test_{identifier(item.qualname)}", used)
        reason = cst.SimpleString(string_literal(f"TODO: test {item.signature}"))
        long = line_length is not None and REASON_INDENT + len(reason.value) > line_length
        template = LONG_TODO_TEST if long else TODO_TEST
        body.append(parse_template_statement(template, reason=reason, name=cst.Name(name)))
    examples = [c for c in api.callables if doctests and c.has_examples and c.kind != "class"]
    for item in examples:
        name = _unique(f"test_{identifier(item.qualname)}_examples", used)
        target: cst.BaseExpression = cst.Name(SUBJECT)
        for part in item.qualname.split("."):
            target = cst.Attribute(target, cst.Name(part))
        qualname = cst.SimpleString(string_literal(f"{import_name}.{item.qualname}"))
        body.append(
            parse_template_statement(
                EXAMPLES_TEST, name=cst.Name(name), target=target, qualname=qualname
            )
        )
    if examples:
        body.append(parse_template_statement(RUN_EXAMPLES, flags=_flags(flags)))
    imports = _imports(import_name, bool(examples))
    docstring = cst.SimpleString(string_literal(f"Tests of {import_name}."))
    header = parse_template_module("{doc}\n", doc=docstring)
    module = header.with_changes(body=[*header.body, *imports, *_spaced(body)])
    return module.code


def _flags(names: tuple[str, ...]) -> cst.Tuple:
    """The known `doctest` flags among `names` (`ELLIPSIS` when none is)."""
    known = [n for n in dict.fromkeys(names) if n in DOCTEST_FLAGS] or ["ELLIPSIS"]
    return _strings(tuple(known))


def _import_test(names: tuple[str, ...]) -> Statement:
    return parse_template_statement(IMPORT_TEST, names=_strings(names))


def _strings(names: tuple[str, ...]) -> cst.Tuple:
    """A tuple of strings to loop over in a test function: one a line (`ruff format`'s shape
    for a magic trailing comma) at the depth of a `for` header in a function; one string
    stays on the line, as the formatter keeps a one-element tuple."""
    if len(names) == 1:
        single = cst.Element(cst.SimpleString(string_literal(names[0])), comma=cst.Comma())
        return cst.Tuple([single])
    elements = [
        cst.Element(
            cst.SimpleString(string_literal(n)),
            comma=cst.Comma(whitespace_after=_line_break("    ")),
        )
        for n in names
    ]
    last = elements[-1]
    elements[-1] = last.with_changes(comma=cst.Comma(whitespace_after=_line_break("")))
    return cst.Tuple(elements, lpar=[cst.LeftParen(_line_break("    "))], rpar=[cst.RightParen()])


def _line_break(extra: str) -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(extra)
    )


def _imports(import_name: str, doctest: bool) -> list[Statement]:
    """The standard library's imports, then `import pytest` (as isort orders them), then the
    module under test as `subject`: `from pkg.sub import (mod as subject,)`, in a `try` that
    skips the whole test module, the reason shown by `pytest -rs`, when a dependency it
    imports is not installed. A package's attribute may hide its submodule of the same name
    (`sympy.series` the function hides `sympy/series/series.py` from both `import ... as` and
    `from ... import`): then the module is taken from `importlib`."""
    package, _, name = import_name.rpartition(".")
    standard = [n for n, wanted in (("doctest", doctest), ("importlib", bool(package))) if wanted]
    standard += ["types"] if package else []
    statements: list[Statement] = [
        cst.SimpleStatementLine([cst.Import([cst.ImportAlias(cst.Name(n))])]) for n in standard
    ]
    statements.append(_blank(cst.parse_statement("import pytest\n"), 1 if standard else 0))
    alias = cst.ImportAlias(cst.Name(name), asname=cst.AsName(cst.Name(SUBJECT)))
    line: cst.BaseSmallStatement
    if package:
        dotted = cst.parse_expression(package)
        assert isinstance(dotted, cst.Name | cst.Attribute)
        alias = alias.with_changes(comma=cst.Comma(whitespace_after=_line_break("")))
        opened = cst.LeftParen(whitespace_after=_line_break("    "))
        line = cst.ImportFrom(module=dotted, names=[alias], lpar=opened, rpar=cst.RightParen())
    else:
        line = cst.Import([alias])
    message = cst.FormattedString(  # the name is dotted identifiers: nothing to escape
        [
            cst.FormattedStringText(f"cannot import {import_name}: "),
            cst.FormattedStringExpression(cst.Name("error")),
        ]
    )
    guarded = parse_template_statement(GUARDED_IMPORT, message=message)
    assert isinstance(guarded, cst.Try)
    body = guarded.body.with_changes(body=[cst.SimpleStatementLine([line])])
    statements.append(_blank(guarded.with_changes(body=body), 1))
    if package:
        module = cst.SimpleString(string_literal(import_name))
        statements.append(_blank(parse_template_statement(UNHIDE, name=module), 1))
    return [_blank(statements[0], 1), *statements[1:]]


def _spaced(body: list[Statement]) -> list[Statement]:
    """Two blank lines before every top-level definition, as ruff format puts them."""
    return [_blank(statement, 2) for statement in body]


def _blank(statement: Statement, lines: int) -> Statement:
    return statement.with_changes(leading_lines=[cst.EmptyLine()] * lines)


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate in used:
        candidate, number = f"{name}_{number}", number + 1
    used.add(candidate)
    return candidate
