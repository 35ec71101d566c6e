"""A file over the credential-scan cap is named in the diagnostics, not passed over in silence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from auditor.index.markers import SECRET_BYTES
from tests.hostile.conftest import Outcome


def test_a_file_over_the_secret_scan_cap_is_a_diagnostic(
    make_repo: Callable[..., Path], audit: Callable[..., Outcome]
) -> None:
    padding = "# data\n" * (SECRET_BYTES // 7 + 1)
    token = 'API_TOKEN = "' + "Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY" + '"\n'
    root = make_repo({"settings.py": padding + token, "small.py": token})
    outcome = audit(root)
    said = outcome.diagnostics("settings.py")
    assert len(said) == 1 and said[0].startswith("secrets-not-scanned: over 256 KiB")
    assert outcome.diagnostics("small.py") == []  # under the cap: scanned, nothing to say
