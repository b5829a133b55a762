# inhouse: the two commands of the Quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo

.PHONY: demo demo-build test install install-test lint bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## demo: build the demo workspace in ./demo (embedded SQLite), print a summary, then serve it on the web
demo: demo-build
	$(BIN)/inhouse --db sqlite:///$(DEMO_DIR)/inhouse.db serve

## demo-build: build the demo workspace without serving it
demo-build: install
	$(BIN)/inhouse demo --dir $(DEMO_DIR) --force

## test: the whole test suite (SQLite always; PostgreSQL too when INHOUSE_TEST_POSTGRES_URL is set), with coverage
test: install-test
	$(BIN)/python -m pytest -q -n auto --cov=inhouse --cov-report= tests
	@echo "Coverage: the least-covered modules, then the total"
	@$(BIN)/python -m coverage report --sort=cover | sed -n '3,14p'
	@$(BIN)/python -m coverage report | tail -n 1

## lint: ruff (lint and format), mypy (strict for domain, services, analysis) and the import-linter layer contracts
lint: install-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench-git: measure `inhouse scan` against git log and the peers (synthetic 100k-commit history; REPOS=... adds real ones)
.PHONY: bench-git
bench-git: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/git_scan.py $(REPOS)

## models: train the contract models from the labels (and ../shared's CUAD data) and the proposal signal and reference-opener models from benchmarks/proposals, and write the shipped weights and manifests
.PHONY: models models-check
models: install
	$(BIN)/python -m inhouse.analysis.proposals.model.train
	$(BIN)/python -m inhouse.analysis.proposals.model.train_references
	$(BIN)/python -m inhouse.analysis.contracts.model.train

## models-check: check that a rebuild gives the shipped weights (trains every model: minutes)
models-check: install-test
	INHOUSE_MODELS_CHECK=1 $(BIN)/python -m pytest -q --no-cov -p no:cacheprovider tests/unit/test_contract_model.py tests/unit/test_proposal_model.py tests/unit/test_proposal_reference_model.py

## fuzz: mutate the generated seed corpus against every reader and importer for FUZZ_SECONDS (default 600); crashes go to tests/fuzz/regressions
FUZZ_SECONDS ?= 600
FUZZ_SEED ?= 12
fuzz: install-test
	$(BIN)/python benchmarks/fuzz/run.py --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache build *.egg-info src/*.egg-info
