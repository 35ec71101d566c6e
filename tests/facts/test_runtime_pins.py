"""Where the runtime version is pinned, per ecosystem, with the file and line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.environment.runtime_pins import runtime_pin
from auditor.facts.subject import Subject


@pytest.mark.parametrize(
    ("runtime", "files", "expected"),
    [
        (
            "rust",
            {
                "Cargo.toml": '[workspace]\nmembers = ["a"]\n',
                "a/Cargo.toml": '[package]\nname = "a"\n\nrust-version = "1.70"\n',
                "a/src/lib.rs": "",
            },
            ("a/Cargo.toml", 4, "package.rust-version"),
        ),
        (
            "rust",
            {
                "Cargo.toml": '[workspace]\nmembers = ["a"]\n\n[workspace.package]\n'
                'rust-version = "1.74"\n',
                "a/Cargo.toml": '[package]\nname = "a"\nrust-version.workspace = true\n',
            },
            ("Cargo.toml", 5, "workspace.package.rust-version"),
        ),
        (
            "rust",
            {"Cargo.toml": '[package]\nname = "a"\n', "rust-toolchain": "stable\n"},
            ("rust-toolchain", 1, "rust-toolchain"),
        ),
        (
            "ruby",
            {
                "Gemfile": "gemspec\n",
                "x.gemspec": "Gem::Specification.new do |s|\n"
                "  s.required_ruby_version = '>= 2.7'\nend\n",
            },
            ("x.gemspec", 2, "required_ruby_version"),
        ),
        (
            "javascript",
            {"package.json": '{\n  "name": "x",\n  "engines": {"node": ">=18"}\n}'},
            ("package.json", 3, "engines"),
        ),
        (
            "python",
            {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.9"\n'},
            ("pyproject.toml", 3, "project.requires-python"),
        ),
        (
            "python",
            {
                "pyproject.toml": '[project]\nname = "x"\n',
                ".tool-versions": "nodejs 20\npython 3.12.1\n",
            },
            (".tool-versions", 2, ".tool-versions"),
        ),
        ("go", {"go.mod": "module example.com/x\n\ngo 1.22\n"}, ("go.mod", 3, "go directive")),
        (
            "php",
            {"composer.json": '{"require": {\n"php": "^8.1"}}'},
            ("composer.json", 2, "require.php"),
        ),
        (
            "javascript",
            {"package.json": '{"name": "x"}', ".nvmrc": "20\n"},
            (".nvmrc", 1, ".nvmrc"),
        ),
    ],
)
def test_runtime_pins_are_found_with_their_place(
    make_subject: Callable[..., Subject],
    runtime: str,
    files: dict[str, str],
    expected: tuple[str, int, str],
) -> None:
    pin = runtime_pin(make_subject(files).sources, runtime)
    assert pin is not None
    assert (pin.path, pin.line, pin.setting) == expected


@pytest.mark.parametrize(
    ("runtime", "files"),
    [
        ("python", {"pyproject.toml": '[project]\nname = "x"\n', ".nvmrc": "20\n"}),
        ("rust", {"Cargo.toml": '[package]\nname = "a"\n'}),
        ("ruby", {"Gemfile": "gem 'rake'\n", "x.gemspec": "Gem::Specification.new\n"}),
        ("go", {"go.mod": "module example.com/x\n"}),
    ],
)
def test_a_pin_for_another_runtime_or_none_is_no_pin(
    make_subject: Callable[..., Subject], runtime: str, files: dict[str, str]
) -> None:
    assert runtime_pin(make_subject(files).sources, runtime) is None
