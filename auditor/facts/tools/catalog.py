"""Known linters, formatters and type checkers, and how to recognise a run of each."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.facts.shell.invocations import Invocation, normalise_program

LINTER, FORMATTER, TYPE_CHECKER = "linter", "formatter", "type_checker"
Use = tuple[str, str]
"""(tool name, kind)"""

PROGRAMS: dict[str, tuple[Use, ...]] = {
    "flake8": (("flake8", LINTER),), "pylint": (("pylint", LINTER),),
    "pycodestyle": (("pycodestyle", LINTER),), "pydocstyle": (("pydocstyle", LINTER),),
    "pyflakes": (("pyflakes", LINTER),), "bandit": (("bandit", LINTER),),
    "black": (("black", FORMATTER),), "isort": (("isort", FORMATTER),),
    "autopep8": (("autopep8", FORMATTER),), "yapf": (("yapf", FORMATTER),),
    "mypy": (("mypy", TYPE_CHECKER),), "dmypy": (("mypy", TYPE_CHECKER),),
    "pyright": (("pyright", TYPE_CHECKER),), "basedpyright": (("basedpyright", TYPE_CHECKER),),
    "pytype": (("pytype", TYPE_CHECKER),), "pyre": (("pyre", TYPE_CHECKER),),
    "eslint": (("eslint", LINTER),), "oxlint": (("oxlint", LINTER),),
    "standard": (("standard", LINTER),), "xo": (("xo", LINTER),), "tslint": (("tslint", LINTER),),
    "stylelint": (("stylelint", LINTER),), "markdownlint": (("markdownlint", LINTER),),
    "markdownlint-cli2": (("markdownlint", LINTER),), "prettier": (("prettier", FORMATTER),),
    "oxfmt": (("oxfmt", FORMATTER),), "tsc": (("tsc", TYPE_CHECKER),),
    "vue-tsc": (("tsc", TYPE_CHECKER),), "tsgo": (("tsc", TYPE_CHECKER),),
    "svelte-check": (("svelte-check", TYPE_CHECKER),), "gofmt": (("gofmt", FORMATTER),),
    "goimports": (("goimports", FORMATTER),), "gofumpt": (("gofumpt", FORMATTER),),
    "staticcheck": (("staticcheck", LINTER),), "golint": (("golint", LINTER),),
    "revive": (("revive", LINTER),), "rustfmt": (("rustfmt", FORMATTER),),
    "cargo-clippy": (("clippy", LINTER),), "checkstyle": (("checkstyle", LINTER),),
    "google-java-format": (("google-java-format", FORMATTER),), "ktlint": (("ktlint", LINTER),),
    "detekt": (("detekt", LINTER),), "ktfmt": (("ktfmt", FORMATTER),),
    "rubocop": (("rubocop", LINTER),), "standardrb": (("standardrb", LINTER),),
    "phpstan": (("phpstan", LINTER),), "psalm": (("psalm", TYPE_CHECKER),),
    "phpcs": (("phpcs", LINTER),), "phpcbf": (("phpcbf", FORMATTER),),
    "php-cs-fixer": (("php-cs-fixer", FORMATTER),), "pint": (("pint", FORMATTER),),
    "shellcheck": (("shellcheck", LINTER),), "shfmt": (("shfmt", FORMATTER),),
    "hadolint": (("hadolint", LINTER),), "yamllint": (("yamllint", LINTER),),
    "actionlint": (("actionlint", LINTER),), "clang-format": (("clang-format", FORMATTER),),
    "clang-tidy": (("clang-tidy", LINTER),), "cpplint": (("cpplint", LINTER),),
    "cppcheck": (("cppcheck", LINTER),), "swiftlint": (("swiftlint", LINTER),),
    "swiftformat": (("swiftformat", FORMATTER),), "swift-format": (("swift-format", FORMATTER),),
    "stylua": (("stylua", FORMATTER),), "luacheck": (("luacheck", LINTER),),
    "scalafmt": (("scalafmt", FORMATTER),), "scalafix": (("scalafix", LINTER),),
    "tflint": (("tflint", LINTER),), "nixfmt": (("nixfmt", FORMATTER),),
    "alejandra": (("alejandra", FORMATTER),), "credo": (("credo", LINTER),),
}  # fmt: skip
"""Programs that are one tool of one kind whatever their arguments."""

SUBCOMMANDS: dict[tuple[str, str], tuple[Use, ...]] = {
    ("ruff", "format"): (("ruff", FORMATTER),), ("go", "vet"): (("govet", LINTER),),
    ("go", "fmt"): (("gofmt", FORMATTER),), ("cargo", "clippy"): (("clippy", LINTER),),
    ("cargo", "fmt"): (("rustfmt", FORMATTER),),
    ("biome", "check"): (("biome", LINTER), ("biome", FORMATTER)),
    ("biome", "ci"): (("biome", LINTER), ("biome", FORMATTER)),
    ("biome", "lint"): (("biome", LINTER),), ("biome", "format"): (("biome", FORMATTER),),
    ("dprint", "check"): (("dprint", FORMATTER),), ("dprint", "fmt"): (("dprint", FORMATTER),),
    ("deno", "lint"): (("deno", LINTER),), ("deno", "fmt"): (("deno", FORMATTER),),
    ("deno", "check"): (("deno", TYPE_CHECKER),), ("next", "lint"): (("eslint", LINTER),),
    ("ng", "lint"): (("eslint", LINTER),),
    ("golangci-lint", "fmt"): (("golangci-lint", FORMATTER),),
    ("hatch", "fmt"): (("ruff", LINTER), ("ruff", FORMATTER)),
    ("ty", "check"): (("ty", TYPE_CHECKER),), ("flow", "check"): (("flow", TYPE_CHECKER),),
    ("sqlfluff", "lint"): (("sqlfluff", LINTER),), ("sqlfluff", "fix"): (("sqlfluff", FORMATTER),),
    ("sqlfluff", "format"): (("sqlfluff", FORMATTER),), ("taplo", "fmt"): (("taplo", FORMATTER),),
    ("taplo", "format"): (("taplo", FORMATTER),), ("buf", "lint"): (("buf", LINTER),),
    ("buf", "format"): (("buf", FORMATTER),), ("terraform", "fmt"): (("terraform", FORMATTER),),
    ("mix", "format"): (("mix-format", FORMATTER),), ("mix", "credo"): (("credo", LINTER),),
    ("dart", "format"): (("dart-format", FORMATTER),),
    ("dart", "analyze"): (("dart-analyze", LINTER),),
    ("flutter", "analyze"): (("dart-analyze", LINTER),),
    ("dotnet", "format"): (("dotnet-format", FORMATTER),),
    ("zig", "fmt"): (("zig-fmt", FORMATTER),),
    ("git", "clang-format"): (("clang-format", FORMATTER),),
}  # fmt: skip
"""(program, first word) pairs that run a tool."""
DEFAULT_SUBCOMMAND: dict[str, tuple[Use, ...]] = {
    "ruff": (("ruff", LINTER),), "golangci-lint": (("golangci-lint", LINTER),),
    "flow": (("flow", TYPE_CHECKER),),
}  # fmt: skip
"""Tools whose every other subcommand (or none) lints: `ruff check`, `golangci-lint run`."""
NOT_RUNS = frozenset(
    {
        "--version",
        "-V",
        "--help",
        "-h",
        "version",
        "help",
        "init",
        "install",
        "cache",
        "clean",
        "server",
        "lsp",
        "config",
        "linters",
        "completion",
    }
)
"""First words that ask a tool something without running it."""
BUILD_TASKS: dict[str, Use] = {
    "checkstyle": ("checkstyle", LINTER), "spotless": ("spotless", FORMATTER),
    "pmd": ("pmd", LINTER), "spotbugs": ("spotbugs", LINTER), "ktlint": ("ktlint", LINTER),
    "detekt": ("detekt", LINTER), "errorprone": ("errorprone", LINTER),
}  # fmt: skip
"""Maven goals (`spotless:check`) and gradle tasks (`spotlessCheck`) by their prefix."""


def invocation_tools(invocation: Invocation) -> Iterator[Use]:
    """The tools one program invocation runs."""
    program, args = invocation.program, list(invocation.args)
    if program == "go" and args[:1] in (["run"], ["tool"]) and len(args) > 1:
        tool = normalise_program(args[1].split("@", 1)[0])
        yield from invocation_tools(Invocation(tool, tuple(args[2:]), args[1]))
        return
    words = [a for a in args if not a.startswith(("-", "+"))]
    if any(a in NOT_RUNS for a in args[:1] + words[:1]):
        return
    if program in PROGRAMS:
        yield from PROGRAMS[program]
        return
    first = words[0] if words else ""
    if (program, first) in SUBCOMMANDS:
        yield from SUBCOMMANDS[(program, first)]
    elif program in DEFAULT_SUBCOMMAND:
        yield from DEFAULT_SUBCOMMAND[program]
    elif program in ("mvn", "mvnw", "gradle", "gradlew"):
        yield from _build_tasks(words, maven=program.startswith("mvn"))


def _build_tasks(words: list[str], maven: bool) -> Iterator[Use]:
    for word in words:
        parts = word.split(":")
        task = parts[-2] if maven and len(parts) > 1 else parts[-1]
        lowered = task.lower().removesuffix("-maven-plugin").removeprefix("maven-")
        for prefix, use in BUILD_TASKS.items():
            if lowered.startswith(prefix):
                yield use
