"""What a Python module offers to test, read with libcst: public names, signatures, examples."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

WHITESPACE = re.compile(r"\s+")
EXAMPLE = re.compile(r"^[^\S\n]*>>>", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Callable:
    """A public function, class or method, as a to-do test names it."""

    qualname: str
    """`parse`, `Node`, `Node.visit`."""
    signature: str
    """`parse(text: str, strict: bool = False) -> Node`, whitespace collapsed."""
    kind: str
    """function | class | method"""
    has_examples: bool
    """Its docstring holds `>>>` examples (functions and methods only)."""


@dataclass(frozen=True, slots=True)
class ModuleApi:
    """The public surface of one module: what its import test and to-do tests cover."""

    names: tuple[str, ...]
    """Every public name it defines at the top level, in order (functions, classes, assigned
    names; `__all__` restricts them when it is a literal list)."""
    callables: tuple[Callable, ...]


def read_module_api(source: str) -> ModuleApi:
    """The public API of the module whose text is `source`; raises libcst's ParserSyntaxError."""
    module = cst.parse_module(source)
    exported = _dunder_all(module)
    names: list[str] = []
    callables: list[Callable] = []
    for statement in module.body:
        for name in _assigned(statement):
            names.append(name)
        if isinstance(statement, cst.FunctionDef | cst.ClassDef):
            names.append(statement.name.value)
    public = [n for n in dict.fromkeys(names) if _is_public(n, exported)]
    seen: set[str] = set()
    for statement in module.body:
        if not isinstance(statement, cst.FunctionDef | cst.ClassDef):
            continue
        name = statement.name.value
        if name in seen or name not in public:
            continue
        seen.add(name)
        if isinstance(statement, cst.FunctionDef):
            callables.append(_function(module, statement, name, "function"))
            continue
        callables.append(Callable(name, _class_signature(module, statement), "class", False))
        callables.extend(_methods(module, statement))
    return ModuleApi(tuple(public), tuple(callables))


def _is_public(name: str, exported: tuple[str, ...] | None) -> bool:
    if exported is not None:
        return name in exported
    return not name.startswith("_")


def _dunder_all(module: cst.Module) -> tuple[str, ...] | None:
    """The literal `__all__ = [...]` (or tuple) of `module`, or None."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, cst.Assign) or len(small.targets) != 1:
                continue
            target = small.targets[0].target
            if not (isinstance(target, cst.Name) and target.value == "__all__"):
                continue
            if isinstance(small.value, cst.List | cst.Tuple):
                strings = [e.value for e in small.value.elements]
                names = [str(s.evaluated_value) for s in strings if isinstance(s, cst.SimpleString)]
                if len(names) == len(strings):
                    return tuple(names)
    return None


def _assigned(statement: cst.BaseStatement) -> list[str]:
    """Names a top-level `x = ...` or `x: T = ...` binds (not tuples, not attributes)."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return []
    found = []
    for small in statement.body:
        if isinstance(small, cst.Assign):
            found += [t.target.value for t in small.targets if isinstance(t.target, cst.Name)]
        elif isinstance(small, cst.AnnAssign) and _binds_name(small):
            found.append(small.target.value)  # type: ignore[attr-defined]
    return [n for n in found if n != "__all__"]


def _binds_name(statement: cst.AnnAssign) -> bool:
    """`x: T = value` binds `x`; a bare `x: T` declares it only."""
    return isinstance(statement.target, cst.Name) and statement.value is not None


def _methods(module: cst.Module, cls: cst.ClassDef) -> list[Callable]:
    """The public methods a class defines in its body (`_x` and dunders left out), each once."""
    found: dict[str, Callable] = {}
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and not statement.name.value.startswith("_"):
            qualname = f"{cls.name.value}.{statement.name.value}"
            found.setdefault(qualname, _function(module, statement, qualname, "method"))
    return list(found.values())


def _function(module: cst.Module, node: cst.FunctionDef, qualname: str, kind: str) -> Callable:
    returns = ""
    if node.returns is not None:
        returns = " -> " + _code(module, node.returns.annotation)
    prefix = "async " if node.asynchronous is not None else ""
    signature = f"{prefix}{qualname}({_parameters(module, node.params)}){returns}"
    docstring = node.get_docstring(clean=False) or ""
    return Callable(qualname, signature, kind, EXAMPLE.search(docstring) is not None)


def _class_signature(module: cst.Module, cls: cst.ClassDef) -> str:
    """`Node(value: int)`: the class called as its `__init__` says (without `self`)."""
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == "__init__":
            parameters = _parameters(module, statement.params)
            return f"{cls.name.value}({parameters.removeprefix('self, ').removeprefix('self')})"
    bases = ", ".join(_code(module, arg.value) for arg in cls.bases)
    return f"class {cls.name.value}({bases})" if bases else f"class {cls.name.value}"


def _parameters(module: cst.Module, params: cst.Parameters) -> str:
    """The parameter list as written, one space between tokens, comments dropped."""
    parts = [_param(module, p) for p in params.posonly_params]
    if params.posonly_params:
        parts.append("/")
    parts += [_param(module, p) for p in params.params]
    if isinstance(params.star_arg, cst.Param):
        parts.append("*" + _param(module, params.star_arg))
    elif isinstance(params.star_arg, cst.ParamStar) or (
        params.kwonly_params and params.star_arg is cst.MaybeSentinel.DEFAULT
    ):
        parts.append("*")
    parts += [_param(module, p) for p in params.kwonly_params]
    if params.star_kwarg is not None:
        parts.append("**" + _param(module, params.star_kwarg))
    return ", ".join(parts)


def _param(module: cst.Module, param: cst.Param) -> str:
    text = param.name.value
    if param.annotation is not None:
        text += ": " + _code(module, param.annotation.annotation)
    if param.default is not None:
        text += (" = " if param.annotation is not None else "=") + _code(module, param.default)
    return text


def _code(module: cst.Module, node: cst.CSTNode) -> str:
    """The source of `node` on one line: comments dropped, whitespace collapsed."""
    without = node.visit(_DropComments())
    assert isinstance(without, cst.CSTNode)
    return WHITESPACE.sub(" ", module.code_for_node(without)).strip()


class _DropComments(cst.CSTTransformer):
    """Removes every comment (each is an optional child of its whitespace node)."""

    def leave_Comment(  # type: ignore[override]
        self, original_node: cst.Comment, updated_node: cst.Comment
    ) -> cst.RemovalSentinel:
        return cst.RemovalSentinel.REMOVE
