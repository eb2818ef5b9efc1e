#!/usr/bin/env bash
# Builds HTML and PDF into a private staging folder and moves them into _build/ only when both
# exist, so a failed build never leaves a half-written book (and two builds never share a stage).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
FLAGS=(-W -n --keep-going)
mkdir -p _build
stage=$(mktemp -d _build/staging.XXXXXX)
trap 'rm -rf "$stage"' EXIT
# notebooks side by side into the execution cache; Sphinx then reads them from it
"$BIN/python" -m ca911 execute
"$BIN/jupyter-book" build . --path-output "$stage" --builder html "${FLAGS[@]}"
"$BIN/jupyter-book" build . --path-output "$stage" --builder custom --custom-builder simplepdf "${FLAGS[@]}"
test -s "$stage/_build/simplepdf/companion.pdf"
rm -rf _build/html _build/pdf
mv "$stage/_build/html" _build/html
mkdir -p _build/pdf
mv "$stage/_build/simplepdf/companion.pdf" _build/pdf/companion.pdf
echo "HTML: _build/html/index.html   PDF: _build/pdf/companion.pdf"
