# Two commands do all the set-up on a fresh Debian 12 machine with Python 3.11:
#   make book   environment from uv.lock → validate data → execute notebooks → HTML + PDF
#   make test   environment from uv.lock → make book (instant when up to date) → every test
SHELL := /bin/bash
.DEFAULT_GOAL := book
PYTHON_VERSION := 3.11
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
JB_FLAGS := -W -n --keep-going
export UV_PYTHON_DOWNLOADS := never
export PYTHONHASHSEED := 0

.PHONY: book html pdf test lint format complexity validate system-deps env clean bench proof metadata catalogs lab

# Debian packages the build and the tests need, installed only if missing (one listed place).
system-deps:
	@bash ci/system-deps.sh

# --compile-bytecode: the environment's modules are compiled once here, not by every process that
# imports them (a test worker, each scratch build, each notebook kernel: about 5 s of CPU apiece for
# Sphinx, matplotlib, pandas and jsonschema), which they otherwise are whenever Python may not write
# its cache (PYTHONDONTWRITEBYTECODE set, a read-only environment).
$(BIN)/python: uv.lock pyproject.toml
	@command -v uv >/dev/null || python3 -m pip install --quiet "uv==$(UV_VERSION)"
	uv sync --frozen --compile-bytecode --python python$(PYTHON_VERSION)
	@touch $(BIN)/python

env: system-deps $(BIN)/python

validate: env
	$(BIN)/python -m ca911 validate

# Both editions (English and Japanese), HTML and PDF, are built in a private staging folder and moved into
# place only when all four exist: _build/html/ (Japanese: _build/html/ja/), _build/pdf/companion(-ja).pdf.
book: validate
	BIN=$(BIN) bash ci/build-book.sh

# The Japanese edition's message catalogs brought up to date with the pages' English prose: Sphinx's gettext
# builder (through Jupyter Book, so with the book's configuration) writes one .pot per page, sphinx-intl
# merges each into locales/ja/LC_MESSAGES/<page>.po (a changed message becomes fuzzy, a new one empty; the
# build then names both). The generated pages are written in each language from the data: no catalog.
catalogs: validate
	rm -rf _build/stage/gettext/_build/gettext
	$(BIN)/jupyter-book build . --path-output _build/stage/gettext --builder custom --custom-builder gettext $(JB_FLAGS)
	$(BIN)/sphinx-intl update -p _build/stage/gettext/_build/gettext -l ja -d locales
	rm -rf locales/ja/LC_MESSAGES/_generated
	@# what is left to translate (a report: the catalogs are written either way)
	-$(BIN)/python -m ca911 catalogs

html: validate
	export SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$($(BIN)/python -m ca911 source-date-epoch)} && \
	$(BIN)/python -m ca911 execute && $(BIN)/jupyter-book build . --builder html $(JB_FLAGS)

# ruff (rules in pyproject.toml) over the package, tests and tools; import-linter's contracts (the layers).
lint: env
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests tools
	$(BIN)/lint-imports

# ruff's formatter (100 columns) over the package, tests, tools and the notebooks' code cells (through jupytext).
format: env
	$(BIN)/ruff format src tests tools
	$(BIN)/jupytext --quiet --pipe "$(BIN)/ruff format {}" notebooks/*.md
	sed -i '/^    format_version: /d; /^    jupytext_version: /d' notebooks/*.md

# Functions by cyclomatic complexity (a report, not a gate).
complexity: env
	$(BIN)/ruff check . --select C901 --exit-zero --output-format concise

# The tests read the book: `make book` first, which stops at once when the book is up to date, so a stale
# book is never tested. Independent test files run on both cores (loadfile: a file's module fixtures, such as a
# scratch book, stay on one worker).
test: env lint
	@$(MAKE) --no-print-directory book
	$(BIN)/python -m pytest -n 2 --dist loadfile --durations=30 --junitxml=_build/test-times.xml

# CodeMeta and Zenodo metadata from CITATION.cff, by cffconvert in its own locked environment (tools/citation/).
metadata:
	uv run --frozen -q --project tools/citation python tools/citation_metadata.py

# Issue 28's speed targets measured in one run on a copy of the project, timed by hyperfine (measures and prints; not a test).
bench: env
	$(BIN)/python tools/bench.py

# Contact sheets of every PDF page and screenshots of every HTML page (1280 and 390 px) in _build/proof/.
proof: env
	@test -f _build/html/index.html -a -f _build/pdf/companion.pdf || $(MAKE) book
	$(BIN)/python tools/proof.py

# JupyterLab on the MyST notebooks (tools/lab: offline, .md opened as notebooks, outputs kept in the paired
# .ipynb that git ignores). CA911_LANG=ja draws the figures in Japanese; LAB_ARGS passes options to jupyter lab.
lab: env
	JUPYTER_CONFIG_PATH="$(CURDIR)/tools/lab" JUPYTER_PATH="$(CURDIR)/tools/lab" $(BIN)/jupyter lab $(LAB_ARGS)

clean:
	rm -rf _build
