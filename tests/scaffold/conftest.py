"""The in-process `invoke` of the hostile suite, for the scaffold tests."""

from tests.hostile.conftest import invoke

__all__ = ["invoke"]
