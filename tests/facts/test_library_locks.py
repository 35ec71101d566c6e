"""Libraries whose ecosystem leaves the lockfile optional, and applications that must lock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from auditor.facts.ecosystem.library_locks import lock_optional_libraries
from auditor.facts.subject import Subject

CRATE = '[package]\nname = "x"\n\n[dependencies]\nserde = "1"\n'
WORKSPACE = '[workspace]\nmembers = ["core", "cli"]\n'


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"Cargo.toml": CRATE, "src/lib.rs": ""}, [("cargo", "Cargo.toml")]),
        ({"Cargo.toml": CRATE, "src/lib.rs": "", "src/main.rs": ""}, []),
        ({"Cargo.toml": CRATE, "src/lib.rs": "", "src/bin/tool.rs": ""}, []),
        (
            {
                "Cargo.toml": WORKSPACE,
                "core/Cargo.toml": CRATE,
                "core/src/lib.rs": "",
                "cli/Cargo.toml": CRATE + "\n[package.metadata]\n",
                "cli/src/main.rs": "",
            },
            [],
        ),
        (
            {
                "Cargo.toml": WORKSPACE,
                "core/Cargo.toml": CRATE,
                "core/src/lib.rs": "",
                "cli/Cargo.toml": CRATE.replace('"x"\n', '"x"\npublish = false\n'),
                "cli/src/main.rs": "",
            },
            [("cargo", "Cargo.toml")],
        ),
        (
            {"Gemfile": "gemspec\n", "rack.gemspec": "Gem::Specification.new\n"},
            [("bundler", "rack.gemspec")],
        ),
        ({"Gemfile": "gem 'rails'\n", "app/models/user.rb": ""}, []),
        (
            {"composer.json": '{"name": "a/b", "require": {"psr/log": "^3"}}'},
            [("composer", "composer.json")],
        ),
        ({"composer.json": '{"name": "a/b", "type": "project", "require": {"x/y": "1"}}'}, []),
        ({"composer.json": '{"name": "a/b", "require": {"laravel/framework": "^11"}}'}, []),
        ({"package.json": '{"name": "lib", "dependencies": {"x": "1"}}'}, []),
    ],
)
def test_libraries_and_applications(
    make_subject: Callable[..., Subject], files: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    found = lock_optional_libraries(make_subject(files).sources)
    assert [(item.manager, item.path) for item in found] == expected
