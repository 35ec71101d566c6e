"""Python signatures and docstrings: annotations, closures and documented parameters."""

from __future__ import annotations

import textwrap

import pytest

from auditor.index.records import DocumentedParameters, FunctionInfo
from auditor.index.syntax import parse_syntax
from auditor.index.syntax.docstrings import documented_parameters


def functions(source: str) -> dict[str, FunctionInfo]:
    parsed = parse_syntax("python", textwrap.dedent(source).encode(), "lib.py")
    return {f.name: f for f in parsed.functions}


def test_annotations_and_closures() -> None:
    found = functions(
        """\
        def typed(a: int, *args: str, b: int = 1, **kw: object) -> None: ...
        def partly(a: int, b) -> int: ...
        def no_return(a: int): ...
        class K:
            def __init__(self, a: int): ...
            def method(self) -> int:
                def inner(x: int) -> int: ...
                return 1
            @classmethod
            def make(cls, *, key: str, _: int = 0, /) -> "K": ...
        def _private(a: int) -> int: ...
        """
    )
    assert {name: f.annotated for name, f in found.items()} == {
        "typed": True,
        "partly": False,
        "no_return": False,
        "K.__init__": True,
        "K.method": True,
        "inner": True,
        "K.make": True,
        "_private": True,
    }
    assert found["inner"].nested and not found["inner"].is_public
    assert found["K.__init__"].is_public and not found["_private"].is_public


def test_documented_parameters_are_read_with_the_signature() -> None:
    found = functions(
        '''\
        def google(self, width, *args, **kwargs):
            """Area.

            Args:
                width (int): The width.
                    More about it: continued.
                *args: Extra.

            Returns:
                The area.
            """

        def plain(a):
            """Nothing about parameters here: a, b."""
        '''
    )
    assert found["google"].docstring == DocumentedParameters(
        ("width", "*args", "**kwargs"), ("width", "*args")
    )
    assert found["plain"].docstring is None


@pytest.mark.parametrize(
    ("docstring", "expected"),
    [
        (
            "Sum.\n\n    Parameters\n    ----------\n    x, y : int\n        Terms.\n    z\n",
            ("x", "y", "z"),
        ),
        (
            "Sum.\n\nParameters\n==========\n\nx : Symbol\n\nExamples\n========\n\n>>> f(1)\n",
            ("x",),
        ),
        (":param a: first\n:param int b: second\n:type b: int\n", ("a", "b")),
        (":param nodeid str: swapped\n", ("nodeid",)),
        ("Args:\n    This is prose, not a list of parameters.\n", None),
        ("Returns:\n    x: the value\n", None),
        ("See the Parameters section of the manual.\n", None),
        ("Reads `:param x:` fields and `:param int x:` ones.\n", None),
    ],
)
def test_docstring_styles(docstring: str, expected: tuple[str, ...] | None) -> None:
    assert documented_parameters(docstring, ("nodeid", "a", "b")) == expected
