# newsevents: `make run` processes the bundled example articles; `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.install-stamp
DEV_STAMP := $(VENV)/.install-stamp-dev
DB ?= newsevents.db

.PHONY: install install-dev run test lint bench clean model-en

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

install: $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(DEV_STAMP)

install-dev: $(DEV_STAMP)

PORT ?= 8000

# Extract and store the bundled articles, print their claims, then serve the page and API.
run: install
	$(BIN)/newsevents ingest examples/ --db $(DB)
	$(BIN)/newsevents extract examples/ --format table
	$(BIN)/newsevents serve --db $(DB) --port $(PORT)

# The browser tests drive Debian's Chromium; the script installs it once if missing.
test: install-dev
	./scripts/install-browser.sh
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Retrain the shipped English pipeline from ../shared/corpus/ud-english (never run by CI:
# about an hour on 2 cores; see training/en_ud/).
model-en: install-dev
	PY=$(BIN)/python ./scripts/train-en-model.sh

bench: install-dev
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
