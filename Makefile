# Development tasks. `make setup` once, then `make test` (the same command CI runs).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: setup test lint format typecheck docs audit bench lock

setup:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c requirements-dev.txt -e ".[test]"

test:
	$(BIN)/python -m pytest

lint:
	$(BIN)/ruff check auditor rules reports tests benchmarks

format:
	$(BIN)/ruff format auditor rules reports tests benchmarks

typecheck:
	$(BIN)/mypy

docs:
	$(BIN)/auditor rules --write-docs .

audit:
	$(BIN)/auditor audit .

bench:
	$(BIN)/python -m benchmarks.run --synthetic 1000,10000,50000

lock:
	{ head -n 2 requirements-dev.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^agent-readiness'; } > requirements-dev.txt.new
	mv requirements-dev.txt.new requirements-dev.txt
