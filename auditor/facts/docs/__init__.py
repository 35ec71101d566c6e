"""The repository's standard documents: README, CONTRIBUTING, licence, ..."""
