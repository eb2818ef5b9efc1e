# Two commands do all the set-up on a fresh Debian 12 machine with Python 3.11:
#   make book   environment from uv.lock → validate data → execute notebooks → HTML + PDF
#   make test   environment from uv.lock → every test (builds the book first if needed)
SHELL := /bin/bash
.DEFAULT_GOAL := book
PYTHON_VERSION := 3.11
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
JB_FLAGS := -W -n --keep-going
export UV_PYTHON_DOWNLOADS := never
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 1700000000

.PHONY: book html pdf test validate system-deps env clean bench

# Debian packages the build and the tests need, installed only if missing (one listed place).
system-deps:
	@bash ci/system-deps.sh

$(BIN)/python: uv.lock pyproject.toml
	@command -v uv >/dev/null || python3 -m pip install --quiet "uv==$(UV_VERSION)"
	uv sync --frozen --python python$(PYTHON_VERSION)
	@touch $(BIN)/python

env: system-deps $(BIN)/python

validate: env
	$(BIN)/python -m ca911 validate

# Build into a staging folder and move it into place only when both outputs exist:
# a failed build never leaves a half-written book in _build/html or _build/pdf.
book: validate
	rm -rf _build/staging
	mkdir -p _build/staging
	$(BIN)/jupyter-book build . --path-output _build/staging --builder html $(JB_FLAGS)
	$(BIN)/jupyter-book build . --path-output _build/staging --builder custom --custom-builder simplepdf $(JB_FLAGS)
	test -s _build/staging/_build/simplepdf/companion.pdf
	rm -rf _build/html _build/pdf
	mv _build/staging/_build/html _build/html
	mkdir -p _build/pdf && mv _build/staging/_build/simplepdf/companion.pdf _build/pdf/companion.pdf
	rm -rf _build/staging
	@echo "HTML: _build/html/index.html   PDF: _build/pdf/companion.pdf"

html: validate
	$(BIN)/jupyter-book build . --builder html $(JB_FLAGS)

test: env
	@test -f _build/html/index.html -a -f _build/pdf/companion.pdf || $(MAKE) book
	$(BIN)/python -m pytest

clean:
	rm -rf _build
