"""Where each linter, formatter and type checker keeps its configuration."""

from __future__ import annotations

import re

from auditor.facts.layout.sample_dirs import is_sample_outside_tests
from auditor.facts.sources import FactSources

JS = ("js", "cjs", "mjs", "ts", "cts", "mts")
CONFIG_FILES: dict[str, tuple[str, ...]] = {
    "ruff": ("ruff.toml", ".ruff.toml", "pyproject.toml[tool.ruff]"),
    "flake8": (".flake8", "setup.cfg[flake8]", "tox.ini[flake8]"),
    "pylint": (".pylintrc", "pylintrc", "pyproject.toml[tool.pylint", "setup.cfg[pylint"),
    "black": ("pyproject.toml[tool.black]",),
    "isort": (".isort.cfg", "pyproject.toml[tool.isort]", "setup.cfg[isort]", "tox.ini[isort]"),
    "mypy": ("mypy.ini", ".mypy.ini", "pyproject.toml[tool.mypy]", "setup.cfg[mypy]"),
    "pyright": ("pyrightconfig.json", "pyproject.toml[tool.pyright]"),
    "basedpyright": ("pyrightconfig.json", "pyproject.toml[tool.basedpyright]"),
    "ty": ("ty.toml", "pyproject.toml[tool.ty]"),
    "pytype": ("pytype.cfg", "pyproject.toml[tool.pytype]", "setup.cfg[pytype]"),
    "pyre": (".pyre_configuration",),
    "bandit": (".bandit", "pyproject.toml[tool.bandit]"),
    "yapf": (".style.yapf", "pyproject.toml[tool.yapf]", "setup.cfg[yapf]"),
    "autopep8": ("pyproject.toml[tool.autopep8]", "setup.cfg[pycodestyle]"),
    "eslint": (
        *(f"eslint.config.{e}" for e in JS),
        ".eslintrc",
        ".eslintrc.js",
        ".eslintrc.cjs",
        ".eslintrc.json",
        ".eslintrc.yml",
        ".eslintrc.yaml",
        "package.json{eslintConfig}",
    ),
    "prettier": (
        ".prettierrc",
        ".prettierrc.json",
        ".prettierrc.yml",
        ".prettierrc.yaml",
        ".prettierrc.json5",
        ".prettierrc.toml",
        *(f".prettierrc.{e}" for e in JS),
        *(f"prettier.config.{e}" for e in JS),
        "package.json{prettier}",
    ),
    "biome": ("biome.json", "biome.jsonc"),
    "oxlint": (".oxlintrc.json", "oxlintrc.json"),
    "oxfmt": (".oxfmtrc.json", ".oxfmtrc.jsonc"),
    "tsc": ("tsconfig.json",),
    "stylelint": (
        ".stylelintrc",
        ".stylelintrc.json",
        ".stylelintrc.yml",
        ".stylelintrc.yaml",
        *(f"stylelint.config.{e}" for e in JS),
        *(f".stylelintrc.{e}" for e in JS),
    ),
    "markdownlint": (
        ".markdownlint.json",
        ".markdownlint.jsonc",
        ".markdownlint.yaml",
        ".markdownlint.yml",
        ".markdownlint-cli2.jsonc",
        ".markdownlint-cli2.yaml",
        ".markdownlint-cli2.cjs",
        ".markdownlintrc",
    ),
    "dprint": ("dprint.json", ".dprint.json", "dprint.jsonc", ".dprint.jsonc"),
    "deno": ("deno.json", "deno.jsonc"),
    "golangci-lint": (".golangci.yml", ".golangci.yaml", ".golangci.toml", ".golangci.json"),
    "staticcheck": ("staticcheck.conf",),
    "revive": ("revive.toml",),
    "rustfmt": ("rustfmt.toml", ".rustfmt.toml"),
    "clippy": (
        "clippy.toml",
        ".clippy.toml",
        "Cargo.toml[lints.clippy]",
        "Cargo.toml[workspace.lints.clippy]",
    ),
    "checkstyle": (
        "checkstyle.xml",
        "config/checkstyle/checkstyle.xml",
        "checkstyle/checkstyle.xml",
    ),
    "pmd": ("pmd.xml", "pmd-ruleset.xml", "config/pmd/pmd.xml"),
    "spotbugs": ("spotbugs-exclude.xml", "config/spotbugs/exclude.xml"),
    "detekt": ("detekt.yml", "config/detekt/detekt.yml", "detekt-config.yml"),
    "ktlint": (".editorconfig",),
    "rubocop": (".rubocop.yml",),
    "standardrb": (".standard.yml",),
    "phpstan": ("phpstan.neon", "phpstan.neon.dist", "phpstan.dist.neon"),
    "psalm": ("psalm.xml", "psalm.xml.dist"),
    "phpcs": ("phpcs.xml", "phpcs.xml.dist", ".phpcs.xml", ".phpcs.xml.dist"),
    "php-cs-fixer": (".php-cs-fixer.php", ".php-cs-fixer.dist.php", ".php_cs", ".php_cs.dist"),
    "pint": ("pint.json",),
    "shellcheck": (".shellcheckrc",),
    "hadolint": (".hadolint.yaml", ".hadolint.yml"),
    "yamllint": (".yamllint", ".yamllint.yml", ".yamllint.yaml"),
    "clang-format": (".clang-format", "_clang-format"),
    "clang-tidy": (".clang-tidy",),
    "swiftlint": (".swiftlint.yml",),
    "swiftformat": (".swiftformat",),
    "sqlfluff": (".sqlfluff", "pyproject.toml[tool.sqlfluff"),
    "taplo": ("taplo.toml", ".taplo.toml"),
    "scalafmt": (".scalafmt.conf",),
    "stylua": ("stylua.toml", ".stylua.toml"),
    "luacheck": (".luacheckrc",),
}
"""Per tool, the files that configure it, in the order the tool prefers them. `file[section`
means a section of a shared file; `package.json{key}` a key of package.json."""
SPEC = re.compile(r"^(?P<file>[^\[{]+)(?:\[(?P<section>[^\]]+)\]?|\{(?P<key>\w+)\})?$")


def tool_config(src: FactSources, name: str) -> str | None:
    """The path of `name`'s configuration: at the root in the tool's order of preference,
    else the shallowest file below it (a project directory, `frontend/biome.json`)."""
    specs = CONFIG_FILES.get(name, ())
    for spec in specs:
        if _configured(src, spec, spec.split("[", 1)[0].split("{", 1)[0]):
            return _file(spec)
    names = {_file(spec) for spec in specs if "/" not in spec and name != "ktlint"}
    nested = sorted(
        (f.path for f in src.repo.files
         if "/" in f.path and f.path.rsplit("/", 1)[-1] in names
         and not is_sample_outside_tests(f.path.rpartition("/")[0])),
        key=lambda path: (path.count("/"), path),
    )  # fmt: skip
    for path in nested:
        spec = next(s for s in specs if _file(s) == path.rsplit("/", 1)[-1])
        if _configured(src, spec, path):
            return path
    return None


def _file(spec: str) -> str:
    return spec.split("[", 1)[0].split("{", 1)[0]


def _configured(src: FactSources, spec: str, path: str) -> bool:
    """Whether the file at `path` configures the tool as `spec` says (a section, a key)."""
    match = SPEC.match(spec)
    if match is None or src.repo.file(path) is None:
        return False
    section, key = match.group("section"), match.group("key")
    if key is not None:
        manifest = src.json(path)
        return isinstance(manifest, dict) and key in manifest
    if section is None:
        return True
    text = src.text(path) or ""
    return re.search(rf"(?m)^[^\S\n]*+\[{re.escape(section)}", text) is not None
