"""Tools run by pre-commit hook ids and by GitHub Actions that wrap a linter or formatter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.facts.tools.catalog import FORMATTER, LINTER, TYPE_CHECKER, Use

HOOK_IDS: dict[str, tuple[Use, ...]] = {
    "ruff": (("ruff", LINTER),), "ruff-check": (("ruff", LINTER),),
    "ruff-format": (("ruff", FORMATTER),), "black": (("black", FORMATTER),),
    "black-jupyter": (("black", FORMATTER),), "isort": (("isort", FORMATTER),),
    "flake8": (("flake8", LINTER),), "pylint": (("pylint", LINTER),),
    "autopep8": (("autopep8", FORMATTER),), "yapf": (("yapf", FORMATTER),),
    "mypy": (("mypy", TYPE_CHECKER),), "pyright": (("pyright", TYPE_CHECKER),),
    "basedpyright": (("basedpyright", TYPE_CHECKER),), "bandit": (("bandit", LINTER),),
    "eslint": (("eslint", LINTER),), "prettier": (("prettier", FORMATTER),),
    "biome-check": (("biome", LINTER), ("biome", FORMATTER)),
    "biome-ci": (("biome", LINTER), ("biome", FORMATTER)), "biome-lint": (("biome", LINTER),),
    "biome-format": (("biome", FORMATTER),), "oxlint": (("oxlint", LINTER),),
    "stylelint": (("stylelint", LINTER),), "golangci-lint": (("golangci-lint", LINTER),),
    "golangci-lint-full": (("golangci-lint", LINTER),),
    "golangci-lint-fmt": (("golangci-lint", FORMATTER),), "go-fmt": (("gofmt", FORMATTER),),
    "gofmt": (("gofmt", FORMATTER),), "go-imports": (("goimports", FORMATTER),),
    "goimports": (("goimports", FORMATTER),), "go-vet": (("govet", LINTER),),
    "go-vet-mod": (("govet", LINTER),), "go-staticcheck-mod": (("staticcheck", LINTER),),
    "fmt": (("rustfmt", FORMATTER),), "cargo-fmt": (("rustfmt", FORMATTER),),
    "rustfmt": (("rustfmt", FORMATTER),), "clippy": (("clippy", LINTER),),
    "cargo-clippy": (("clippy", LINTER),), "shellcheck": (("shellcheck", LINTER),),
    "shfmt": (("shfmt", FORMATTER),), "hadolint": (("hadolint", LINTER),),
    "hadolint-docker": (("hadolint", LINTER),), "markdownlint": (("markdownlint", LINTER),),
    "markdownlint-cli2": (("markdownlint", LINTER),),
    "markdownlint-fix": (("markdownlint", LINTER),), "yamllint": (("yamllint", LINTER),),
    "actionlint": (("actionlint", LINTER),), "clang-format": (("clang-format", FORMATTER),),
    "clang-tidy": (("clang-tidy", LINTER),), "rubocop": (("rubocop", LINTER),),
    "sqlfluff-lint": (("sqlfluff", LINTER),), "sqlfluff-fix": (("sqlfluff", FORMATTER),),
    "swiftlint": (("swiftlint", LINTER),), "ktlint": (("ktlint", LINTER),),
    "detekt": (("detekt", LINTER),), "pretty-format-java": (("google-java-format", FORMATTER),),
    "google-java-format": (("google-java-format", FORMATTER),), "dprint": (("dprint", FORMATTER),),
    "taplo-format": (("taplo", FORMATTER),), "taplo-fmt": (("taplo", FORMATTER),),
    "tsc": (("tsc", TYPE_CHECKER),), "php-cs-fixer": (("php-cs-fixer", FORMATTER),),
    "phpstan": (("phpstan", LINTER),),
}  # fmt: skip
"""pre-commit hook ids of the well-known hook repositories."""

ACTIONS: dict[str, tuple[Use, ...]] = {
    "golangci/golangci-lint-action": (("golangci-lint", LINTER),),
    "reviewdog/action-golangci-lint": (("golangci-lint", LINTER),),
    "astral-sh/ruff-action": (("ruff", LINTER),), "chartboost/ruff-action": (("ruff", LINTER),),
    "psf/black": (("black", FORMATTER),), "isort/isort-action": (("isort", FORMATTER),),
    "py-actions/flake8": (("flake8", LINTER),),
    "jakebailey/pyright-action": (("pyright", TYPE_CHECKER),),
    "tsuyoshicho/action-mypy": (("mypy", TYPE_CHECKER),),
    "actions-rs/clippy-check": (("clippy", LINTER),),
    "giraffate/clippy-action": (("clippy", LINTER),),
    "auguwu/clippy-action": (("clippy", LINTER),),
    "actions-rust-lang/rustfmt": (("rustfmt", FORMATTER),),
    "dominikh/staticcheck-action": (("staticcheck", LINTER),),
    "ludeeus/action-shellcheck": (("shellcheck", LINTER),),
    "reviewdog/action-shellcheck": (("shellcheck", LINTER),),
    "hadolint/hadolint-action": (("hadolint", LINTER),),
    "reviewdog/action-hadolint": (("hadolint", LINTER),),
    "davidanson/markdownlint-cli2-action": (("markdownlint", LINTER),),
    "nosborn/github-action-markdown-cli": (("markdownlint", LINTER),),
    "articulate/actions-markdownlint": (("markdownlint", LINTER),),
    "reviewdog/action-eslint": (("eslint", LINTER),),
    "reviewdog/action-actionlint": (("actionlint", LINTER),),
    "raven-actions/actionlint": (("actionlint", LINTER),),
    "creyd/prettier_action": (("prettier", FORMATTER),),
    "doozyx/clang-format-lint-action": (("clang-format", FORMATTER),),
    "jidicula/clang-format-action": (("clang-format", FORMATTER),),
    "ibiqlik/action-yamllint": (("yamllint", LINTER),),
    "karancode/yamllint-github-action": (("yamllint", LINTER),),
    "reviewdog/action-rubocop": (("rubocop", LINTER),),
    "norio-nomura/action-swiftlint": (("swiftlint", LINTER),),
    "biomejs/biome-action": (("biome", LINTER), ("biome", FORMATTER)),
}  # fmt: skip
"""GitHub Actions (owner/name, lowercase) that run a tool."""
LINT_ACTION_INPUTS: dict[str, Use] = {
    "black": ("black", FORMATTER), "flake8": ("flake8", LINTER), "mypy": ("mypy", TYPE_CHECKER),
    "pylint": ("pylint", LINTER), "autopep8": ("autopep8", FORMATTER),
    "eslint": ("eslint", LINTER), "prettier": ("prettier", FORMATTER),
    "stylelint": ("stylelint", LINTER), "tsc": ("tsc", TYPE_CHECKER),
    "rubocop": ("rubocop", LINTER), "gofmt": ("gofmt", FORMATTER), "golint": ("golint", LINTER),
    "clippy": ("clippy", LINTER), "rustfmt": ("rustfmt", FORMATTER),
    "swiftlint": ("swiftlint", LINTER), "oitnb": ("oitnb", FORMATTER), "xo": ("xo", LINTER),
    "php_codesniffer": ("phpcs", LINTER),
}  # fmt: skip
"""Inputs of wearerequired/lint-action that switch a tool on."""
PRE_COMMIT_ACTIONS = frozenset(
    {"pre-commit/action", "pre-commit-ci/lite-action", "j178/prek-action"}
)
"""Actions that run every hook of .pre-commit-config.yaml."""


def action_tools(action: str, inputs: dict[str, Any]) -> Iterator[Use]:
    """The tools a `uses:` step runs."""
    if action in ACTIONS:
        uses = ACTIONS[action]
        if action.endswith("ruff-action") and "format" in str(inputs.get("args", "")):
            uses = (("ruff", FORMATTER),)
        yield from uses
    elif action == "wearerequired/lint-action":
        for key, value in inputs.items():
            if key in LINT_ACTION_INPUTS and str(value).lower() in ("true", "1", "yes"):
                yield LINT_ACTION_INPUTS[key]
