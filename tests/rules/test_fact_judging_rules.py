"""Facts and helpers behind the fact-judging rules: env reads, CI triggers, counts, tokens."""

from __future__ import annotations

from collections.abc import Callable

from auditor.facts.subject import Subject
from auditor.index.markers import count, scan
from auditor_rules.safety.secret_tokens import token_secrets

MakeSubject = Callable[..., Subject]


def test_suppressions_are_counted_per_language() -> None:
    python = b"import os  # noqa: F401\nx = y  # type: ignore[attr]\n# pylint: disable=foo\n"
    assert count(python, "python") == (("lint-suppression", 3),)
    assert count(b"// eslint-disable-next-line\n// @ts-ignore\nx()\n", "typescript") == (
        ("lint-suppression", 2),
    )
    assert count(b"x := 1 //nolint:errcheck\n", "go") == (("lint-suppression", 1),)
    assert count(python, None) == ()
    assert count(b'"# noqa is a comment marker"\n', "javascript") == ()


def test_secret_markers_skip_large_files() -> None:
    line = b'API_KEY = "f8Kq2LmZ9xR4tY7uB3nW6pA1sD5gH0jE"\n'
    assert "secret-assignment" in scan(line, "python")[0]
    assert "secret-assignment" not in scan(line + b"#" * 300_000, "python")[0]


def test_tokens_and_random_values_are_found() -> None:
    aws = "AKIA" + "Z7QW3RT5YU8IO2PL"
    text = f'key = "{aws}"\nclient_secret = "f8Kq2LmZ9xR4tY7uB3nW6pA1sD5gH0jE"\n'
    found = list(token_secrets(text))
    assert [line for _, line, _ in found] == [1, 2]
    assert all(aws not in key for _, _, key in found)


def test_placeholders_words_and_public_keys_are_not_secrets() -> None:
    text = (
        'AWS = "AKIAIOSFODNN7EXAMPLE"\n'
        'token = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'
        'password = "correct_horse_battery_staple_2"\n'
        'token_url = "https://example.com/oauth2/token"\n'
        'api_key = "f8Kq2LmZ9xR4tY7uB3nW6pA1sD5gH0jE"  # pragma: allowlist secret\n'
        "algolia: {\n  appId: 'HP439UUSOL',\n  apiKey: 'e5e670fd16f8f17caada79d6b0931682',\n}\n"
    )
    assert list(token_secrets(text)) == []


def test_env_reads_leave_out_tests_and_variables_the_code_sets(make_subject: MakeSubject) -> None:
    index = make_subject(
        {
            "app/settings.py": 'import os\n\nURL = os.environ["DATABASE_URL"]\n'
            'os.environ["APP_CHILD"] = "1"\n',
            "app/child.py": 'import os\n\nCHILD = os.getenv("APP_CHILD")\n',
            "web/index.ts": "const key = process.env.STRIPE_KEY;\nprocess.env.MODE ??= 'x';\n"
            "const mode = process.env['MODE'];\n",
            "tests/test_settings.py": 'import os\n\nos.environ.get("TEST_ONLY")\n',
        }
    )
    reads = [(read.name, read.path, read.line) for read in index.facts.env_reads]
    assert reads == [
        ("DATABASE_URL", "app/settings.py", 3),
        ("STRIPE_KEY", "web/index.ts", 1),
    ]
    assert index.facts.credential_reads == ()


def test_pull_request_ci_reads_workflow_triggers(make_subject: MakeSubject) -> None:
    job = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n"
    index = make_subject(
        {
            ".github/workflows/push.yml": "on: push\n" + job,
            ".github/workflows/pr.yml": "on:\n  pull_request:\n    branches: [main]\n" + job,
            ".github/workflows/reusable.yml": "on: workflow_call\n" + job,
            ".gitlab-ci.yml": "lint:\n  script: make lint\n",
        }
    )
    assert index.facts.pull_request_ci == (
        ".github/workflows/pr.yml",
        ".github/workflows/reusable.yml",
        ".gitlab-ci.yml",
    )


def test_secret_signal_ignores_test_data(make_subject: MakeSubject) -> None:
    assert (
        make_subject({"tests/fixtures/.env": "A=1\n", "app.py": "x = 1\n"}).facts.secret_signal
        is None
    )
    index = make_subject({"deploy/server.key": "k\n", "app.py": "x = 1\n"})
    assert index.facts.secret_signal == "deploy/server.key"


def test_build_tool_variables_are_not_undocumented_settings(make_subject: MakeSubject) -> None:
    from auditor.rule import RuleContext
    from auditor_rules.documentation.undocumented_env_vars import check

    build = (
        'fn main() {\n    let out = std::env::var("OUT_DIR");\n'
        '    let target = std::env::var("TARGET");\n    let rustc = std::env::var("RUSTC");\n'
        '    let ssl = std::env::var("OPENSSL_DIR");\n}\n'
    )
    main = (
        'fn main() {\n    let bt = std::env::var("RUST_BACKTRACE");\n'
        '    let host = std::env::var("HOST");\n}\n'
    )
    subject = make_subject(
        {"Cargo.toml": '[package]\nname = "x"\n', "build.rs": build, "src/main.rs": main}
    )
    found = sorted((v.path, v.line, v.message) for v in check(RuleContext(subject)))
    assert found == [
        ("build.rs", 5, "OPENSSL_DIR is read here but named in no .env example or document"),
        ("src/main.rs", 3, "HOST is read here but named in no .env example or document"),
    ]
