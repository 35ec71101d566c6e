"""Plain `nox` as the test run: when the noxfile names the one session `nox` runs."""

from __future__ import annotations

from tests.facts.test_test_command import MakeSubject


def test_plain_nox_is_the_suite_when_the_noxfile_names_one_test_session_for_it(
    make_subject: MakeSubject,
) -> None:
    session = (
        "@nox.session()\n@nox.parametrize('database', ['sqlite', 'postgresql'])\n"
        "def tests(session, database):\n    session.run('pytest', '--db', database)\n\n"
        "@nox.session(name='pep8')\ndef pep8(session):\n    session.run('flake8')\n"
    )
    files = {
        "pkg/__init__.py": "",
        "tests/test_a.py": "def test_a():\n    assert True\n",
        "noxfile.py": f"import nox\n\nnox.options.sessions = ['tests']\n\n{session}",
    }
    texts = [c.text for c in make_subject(files).facts.test_commands]
    assert texts[:2] == ["nox", "nox -s tests"]
    # with no default named, plain `nox` runs every session, the linters too
    files["noxfile.py"] = f"import nox\n\n{session}"
    assert "nox" not in [c.text for c in make_subject(files).facts.test_commands]
