"""The syntax summariser: functions, lines, complexity and nesting per language."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.index.records import FileSyntax, FunctionInfo
from auditor.index.syntax import PARSER_VERSION, SYNTAX_LANGUAGES, parse_syntax

Row = tuple[str, int, int, int, int]
"""(name, line, end_line, complexity, nesting)"""


def summary(language: str, source: str, path: str = "") -> list[Row]:
    result = parse_syntax(language, textwrap.dedent(source).encode(), path)
    assert result.language == language
    assert result.error_lines == (), result.error_lines
    return [(f.name, f.line, f.end_line, f.complexity, f.nesting) for f in result.functions]


def test_contract() -> None:
    assert {
        *("python", "javascript", "typescript", "go", "rust", "java"),
        *("csharp", "kotlin", "c", "cpp", "ruby", "php"),
    } == SYNTAX_LANGUAGES
    assert PARSER_VERSION
    with pytest.raises(ValueError, match="cobol"):
        parse_syntax("cobol", b"")


def test_importing_the_package_loads_no_grammar() -> None:
    code = "import sys, auditor.index.syntax; print('tree_sitter' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("language", sorted(SYNTAX_LANGUAGES))
def test_empty_file(language: str) -> None:
    assert parse_syntax(language, b"") == FileSyntax(language, (), ())


# --- Python -------------------------------------------------------------------------------

PYTHON = """\
def straight(a):
    return a


def branches(a, b):
    if a and b:                 # if +1, and +1
        for x in a:             # for +1
            if x:               # if +1 (nesting 3)
                pass
    elif b or a:                # elif +1, or +1
        pass
    else:
        pass
    while a:                    # while +1
        break
    else:                       # loop else +1
        pass
    return [x for x in a if x]  # for +1, if +1


class Outer:
    class Inner:
        def method(self):
            return 1 if self else 2

    @property
    def prop(self):
        try:
            with open(self) as f:
                return f
        except OSError:
            return None
        except ValueError:
            return None
        else:
            return 0


def outer(a):
    def inner(b):
        if b:
            return b
    assert a and inner(a) or a   # an assert decides nothing, as radon counts
    return lambda q: q if q else a
"""


def test_python_functions() -> None:
    assert summary("python", PYTHON) == [
        ("straight", 1, 2, 1, 0),
        ("branches", 5, 18, 11, 3),
        ("Outer.Inner.method", 23, 24, 2, 0),
        ("Outer.prop", 27, 36, 4, 2),
        ("outer", 39, 44, 2, 0),
        ("inner", 40, 42, 2, 1),
    ]


def test_python_match_and_pep695() -> None:
    source = """\
    class Box[T]:
        def get[U](self, key: U) -> T:
            match key:
                case 1 | 2:
                    return self
                case [a, _]:
                    return a
                case _:
                    return None

    type Alias[K] = dict[K, int]

    async def fetch[T](x: T) -> T:
        async for item in x:
            async with item:
                return item
    """
    assert summary("python", source) == [
        ("Box.get", 2, 9, 3, 1),
        ("fetch", 13, 16, 2, 2),
    ]


RADON_CASES = [
    PYTHON,
    """\
    def parse(tokens, strict=False):
        out = []
        for i, tok in enumerate(tokens):
            if tok in "([" and not strict:
                out.append(tok)
            elif tok == ")" or tok == "]":
                try:
                    out.pop()
                except IndexError:
                    if strict:
                        raise
            else:
                out.extend(t for t in tok if t.isalpha() if t != "x")
        return {k: v for k, v in out if v} or None
    """,
    """\
    def dispatch(command):
        match command.split():
            case ["go", direction]:
                return direction
            case ["quit"] | ["exit"]:
                return None
            case _:
                return command if command else None
    """,
]


@pytest.mark.parametrize("source", RADON_CASES)
def test_python_complexity_agrees_with_radon(source: str) -> None:
    from radon.complexity import cc_visit
    from radon.visitors import Class, Function

    source = textwrap.dedent(source)
    expected: dict[int, int] = {}
    blocks = list(cc_visit(source, no_assert=True))
    while blocks:
        block = blocks.pop()
        if isinstance(block, Class):
            blocks.extend(block.methods)
            blocks.extend(block.inner_classes)
        elif isinstance(block, Function):
            expected[block.lineno] = block.complexity
            blocks.extend(block.closures)
    found = parse_syntax("python", source.encode()).functions
    assert {f.line: f.complexity for f in found} == expected


def test_python_syntax_error_keeps_the_functions() -> None:
    source = b"def good(a):\n    if a:\n        return 1\n\ndef bad(:\n    pass\n\nx = (\n"
    result = parse_syntax("python", source)
    assert result.error_lines
    assert all(1 <= line <= 8 for line in result.error_lines)
    good = result.functions[0]
    assert (good.name, good.line, good.end_line, good.complexity, good.nesting) == (
        "good",
        1,
        3,
        2,
        1,
    )


# --- JavaScript and TypeScript ------------------------------------------------------------

ECMASCRIPT = """\
function* gen(a) {
  if (a) {} else if (b) {} else {}
}
const arrow = async (x) => x ?? y;
class Widget extends Base {
  render() {
    return function () { return a || b; };
  }
  static handler = () => {
    switch (kind) { case 1: break; case 2: break; default: }
  };
}
const api = { get: function () {}, put() { x ||= 1; } };
exports.run = function named() {
  try {} catch (e) {} finally {}
  for (const a of b) { while (a) { do {} while (c); } }
  return a ? b : c;
};
"""


@pytest.mark.parametrize(("language", "path"), [("javascript", "a.js"), ("typescript", "a.ts")])
def test_ecmascript_functions(language: str, path: str) -> None:
    assert summary(language, ECMASCRIPT, path) == [
        ("gen", 1, 3, 3, 1),
        ("arrow", 4, 4, 2, 0),
        ("Widget.render", 6, 8, 1, 0),
        ("<anonymous>", 7, 7, 2, 0),
        ("Widget.handler", 9, 11, 3, 1),
        ("get", 13, 13, 1, 0),
        ("put", 13, 13, 2, 0),
        ("named", 14, 18, 6, 3),
    ]


def test_typescript_bodiless_declarations_are_not_functions() -> None:
    source = """\
    function over(a: string): string;
    function over(a: unknown): unknown { return a; }
    abstract class Shape { abstract area(): number; describe(): string { return "s"; } }
    interface Named { name(): string; }
    const n = <number>value;
    """
    assert summary("typescript", source, "a.ts") == [
        ("over", 2, 2, 1, 0),
        ("Shape.describe", 3, 3, 1, 0),
    ]


def test_tsx_and_jsx_parse_with_their_grammars() -> None:
    source = "export const App = () => <div onClick={() => a && b}>{c || d}</div>;\n"
    expected = [("App", 1, 1, 2, 0), ("<anonymous>", 1, 1, 2, 0)]
    assert summary("typescript", source, "src/App.tsx") == expected
    assert summary("javascript", source, "src/App.jsx") == expected
    assert parse_syntax("typescript", source.encode(), "src/App.ts").error_lines


# --- Go, Rust, Java -----------------------------------------------------------------------


def test_go_functions() -> None:
    source = """\
    package p

    func (s *Server[K, V]) Run(a int) error {
    \tif a > 1 && b || c {
    \t} else if d {
    \t} else {
    \t}
    \tfor i := 0; i < 3; i++ {
    \t\tswitch x {
    \t\tcase 1, 2:
    \t\tdefault:
    \t\t}
    \t}
    \tselect {
    \tcase <-ch:
    \tdefault:
    \t}
    \tgo func() { if a {} }()
    \treturn nil
    }

    func free() {}

    func assembly()
    """
    assert summary("go", source) == [
        ("Server.Run", 3, 20, 8, 2),
        ("<anonymous>", 18, 18, 2, 1),
        ("free", 22, 22, 1, 0),
    ]


def test_rust_functions() -> None:
    source = """\
    impl<T> Stack<T> {
        fn pop(&mut self) -> Option<T> {
            if let Some(x) = self.top() {
                match x { 1 | 2 => {}, n if n > 0 => {}, _ => {} }
            } else if self.a && self.b {
            }
            loop { for i in 0..3 { while i > 0 {} } }
            let f = |y| y || false;
            None
        }
    }
    trait Shape { fn area(&self) -> f64; fn name(&self) -> &str { "shape" } }
    fn free() {}
    """
    assert summary("rust", source) == [
        ("Stack.pop", 2, 10, 8, 3),
        ("<closure>", 8, 8, 2, 0),
        ("Shape.name", 12, 12, 1, 0),
        ("free", 13, 13, 1, 0),
    ]


def test_java_functions() -> None:
    source = """\
    class Outer {
      Outer() {}
      int run(int x) {
        if (x > 0 && x < 9) {
        } else if (x == 0) {
        } else {
          for (int i : xs) { try { } catch (A | B e) { } }
        }
        switch (x) { case 1: case 2: break; default: }
        Runnable r = () -> { while (x > 0) { x--; } };
        return x > 1 ? 1 : 0;
      }
      interface Shape { double area(); default String name() { return "s"; } }
      enum Kind { A; int code() { return 1; } }
    }
    """
    assert summary("java", source) == [
        ("Outer.Outer", 2, 2, 1, 0),
        ("Outer.run", 3, 12, 9, 3),
        ("<lambda>", 10, 10, 2, 1),
        ("Outer.Shape.name", 13, 13, 1, 0),
        ("Outer.Kind.code", 14, 14, 1, 0),
    ]


# --- Hostile input ------------------------------------------------------------------------

HOSTILE = [
    ("python", b"x = " + b"(" * 5000 + b"1" + b")" * 5000 + b"\n"),
    ("python", b"def f():\n    x = " + b"[" * 5000 + b"\n"),
    ("python", b"def f():\n    return " + b" and ".join([b"a"] * 10000) + b"\n"),
    ("javascript", b"function f() { return " + b" && ".join([b"a"] * 10000) + b"; }"),
    ("javascript", b"function f() {" + b"if (a) {" * 5000 + b"}" * 5000 + b"}"),
    ("typescript", b"const f = " + b"() => " * 3000 + b"1;"),
    ("go", b"package p\nfunc f() {" + b"if a {} else " * 5000 + b"{} }\n"),
    ("rust", b"fn f() { " + b"match a { _ => " * 3000 + b"1" + b"}" * 3000 + b" }"),
    ("java", b"class A { boolean f() { return " + b" || ".join([b"a"] * 10000) + b"; } }"),
    ("java", b"class A { void f() { " + b"{" * 5000),
]


@pytest.mark.parametrize(("language", "source"), HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_does_not_crash(language: str, source: bytes) -> None:
    result = parse_syntax(language, source)
    assert len(result.error_lines) <= 20
    for function in result.functions:
        assert function.line <= function.end_line
        assert function.complexity >= 1


def test_deep_nesting_and_long_chains_are_counted() -> None:
    nested_ifs = b"function f() {" + b"if (a) {" * 3000 + b"}" * 3000 + b"}"
    assert parse_syntax("javascript", nested_ifs).functions == (
        FunctionInfo("f", 1, 1, 3001, 3000),
    )
    chain = b"package p\nfunc f() {" + b"if a {} else " * 3000 + b"{} }\n"
    assert parse_syntax("go", chain).functions == (FunctionInfo("f", 2, 2, 3001, 1),)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    language=st.sampled_from(sorted(SYNTAX_LANGUAGES)),
    data=st.binary(max_size=300)
    | st.text("(){}[]<>;:,.=+-*/&|?!'\"`#\\\n\t ifelsforwhiledefnclasmtchsw_xyz", max_size=300).map(
        str.encode
    ),
)
def test_any_bytes_give_a_consistent_summary(language: str, data: bytes) -> None:
    result = parse_syntax(language, data, "fuzz.tsx")
    assert list(result.error_lines) == sorted(set(result.error_lines))
    assert len(result.error_lines) <= 20
    lines = data.count(b"\n") + 1
    for function in result.functions:
        assert 1 <= function.line <= function.end_line <= lines
        assert function.complexity >= 1
        assert function.nesting >= 0
        assert function.name
