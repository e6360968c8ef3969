# Two commands matter: `make serve` (build and preview the site) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
SEEDS ?= seeds
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve site test check lint typecheck pytest bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

serve: install  ## Build the site from seeds/ and serve it with live reload.
	# --dirty: after an edit only the pages whose Markdown changed are rendered again
	# (generator/pagestore.py); MkDocs warns about dirty builds, hence --no-strict here.
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000 --livereload

site: install  ## Build the static site into site/ (strict).
	$(BIN)/mkdocs build --strict --site-dir site

check: install  ## Lint the seeds.
	$(BIN)/briefing check $(SEEDS)

lint: install
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest  ## Lint, type-check and run the test suite.

bench: install  ## Speed and memory benchmarks (not tests).
	$(BIN)/python bench/run.py

lock:  ## Re-pin every dependency (needs the package registry).
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache tests/artifacts
