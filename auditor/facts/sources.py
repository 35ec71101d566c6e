"""Parsed manifests and configs for the fact detectors: each parsed once per run, failures
recorded."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from xml.etree import ElementTree

from auditor.index.read_log import ReadLog, recording, replay
from auditor.model import Diagnostic
from auditor.structured_text import load_json, load_toml, load_yaml

T = TypeVar("T")
SHAPE_PREFIX = "not read as agents read it: "
"""How a `wrong-shape` diagnostic begins; the problems follow, joined by `; `."""

if TYPE_CHECKING:
    from auditor.facts.files import RepositoryFiles

Parses = dict[tuple[str, str], tuple[Any, str | None]]
"""(content digest, format) -> (parsed value or None, why it could not be parsed)."""


class FactSources:
    """The repository's files plus parsers for the structured files facts are derived from.

    A file that cannot be parsed yields None and one diagnostic, never an exception. Parses
    are kept by content digest in `parses`, which the views of one run share: a package's
    manifest is parsed once whether the repository or the package view asks.
    """

    def __init__(self, repo: RepositoryFiles, parses: Parses | None = None) -> None:
        self.repo = repo
        self._parses: Parses = parses if parses is not None else {}
        self._diagnostics: dict[str, Diagnostic] = {}
        self._derived: dict[str, tuple[Any, ReadLog]] = {}

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(self._diagnostics[path] for path in sorted(self._diagnostics))

    def text(self, path: str) -> str | None:
        return self.repo.text(path)

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()`, once per view: for an answer several detectors need (the CI files).
        Each detector that asks is said to have read what `compute` read (`read_log`)."""
        if key not in self._derived:
            with recording() as log:
                self._derived[key] = (compute(), log)
        value, log = self._derived[key]
        replay(log)
        answer: T = value
        return answer

    def stated(self) -> dict[str, Diagnostic]:
        """What the detectors said of the files so far, by path."""
        return dict(self._diagnostics)

    def restate(self, path: str, diagnostic: Diagnostic) -> None:
        """Say again what a detector said of `path` on an index that read the same."""
        self._diagnostics[path] = diagnostic

    def toml(self, path: str) -> dict[str, Any] | None:
        value: dict[str, Any] | None = self._parse(path, "toml", load_toml)
        return value

    def json(self, path: str) -> Any:
        """Parsed JSON; a leading byte-order mark is allowed, as Node allows it."""
        return self._parse(path, "json", lambda text: load_json(text.removeprefix("\ufeff")))

    def jsonc(self, path: str) -> Any:
        """Parsed JSON with comments: `//` and `/* */` comments and trailing commas are
        allowed, as VS Code and Cursor allow them in their configs."""
        return self._parse(path, "jsonc", _load_jsonc)

    def diagnose(self, path: str, kind: str, message: str) -> None:
        """Record what is wrong with `path` beyond its syntax: one diagnostic per path, so a
        second message of the same kind (two detectors read the file) joins the first."""
        known = self._diagnostics.get(path)
        if known is not None and known.kind == kind and message != known.message:
            message = f"{known.message}; {message.removeprefix(SHAPE_PREFIX)}"
        self._diagnostics[path] = Diagnostic(path, kind, message)

    def problem(self, path: str, kind: str) -> str | None:
        """Why `path` could not be parsed as `kind` (json, jsonc, toml, yaml, xml), if it was
        asked for and could not: a None value may also be a document that says `null`."""
        record = self.repo.file(path)
        key = (record.digest if record is not None else f"?{path}", kind)
        return self._parses.get(key, (None, None))[1]

    def yaml(self, path: str) -> Any:
        """The first YAML document of `path` (`structured_text.load_yaml`: safe and bounded)."""
        return self._parse(path, "yaml", load_yaml)

    def xml(self, path: str) -> ElementTree.Element | None:
        value: ElementTree.Element | None = self._parse(path, "xml", _load_xml)
        return value

    def _parse(self, path: str, kind: str, parser: Any) -> Any:
        record = self.repo.file(path)
        key = (record.digest if record is not None else f"?{path}", kind)
        if key not in self._parses:
            self._parses[key] = _parsed(self.repo.text(path), parser)
        value, problem = self._parses[key]
        if problem is not None:
            self._diagnostics[path] = Diagnostic(
                path, "malformed", f"cannot parse {kind}: {problem}"
            )
        return value


def _parsed(text: str | None, parser: Any) -> tuple[Any, str | None]:
    """(the parse of `text`, None), or (None, the first line of why it failed)."""
    if text is None:
        return None, None
    try:
        return parser(text), None
    except Exception as error:
        return None, (str(error).splitlines()[0] if str(error) else type(error).__name__)


_STRING = r'"(?:[^"\\\n]|\\[^\n])*(?:"|\\?(?=\n|\Z))'
"""A JSON string, or the rest of its line when it is not closed: a match from every quote, so
a text of unclosed quotes is still read in one pass."""
_COMMENT = re.compile(f"({_STRING})|//[^\n]*|/\\*(?:[^*]|\\*(?!/))*(?:\\*/|\\Z)", re.DOTALL)
"""A JSON string (kept), or a `//` or `/* */` comment (dropped; an unclosed one runs to the
end, so every match attempt is linear)."""
_TRAILING_COMMA = re.compile(f"({_STRING})|,(?=\\s*[}}\\]])", re.DOTALL)


def _load_jsonc(text: str) -> Any:
    def kept(match: re.Match[str]) -> str:
        return match.group(1) or ""

    plain = _COMMENT.sub(kept, text.removeprefix("\ufeff"))
    return load_json(_TRAILING_COMMA.sub(kept, plain))


def _load_xml(text: str) -> ElementTree.Element:
    if "<!ENTITY" in text:
        raise ValueError("entity declarations are not read")
    root = ElementTree.fromstring(text)
    for element in root.iter():  # drop namespaces: pom.xml tags are matched by local name
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root
