#!/usr/bin/env bash
# Builds HTML and PDF into a private staging folder and moves them into _build/ only when both
# exist, so a failed build never leaves a half-written book (and two builds never share a stage).
# When nothing the book is made from has changed since the last successful build (every file git
# tracks or would track, and SOURCE_DATE_EPOCH), the book in _build/ is already this book: say so, stop.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
FLAGS=(-W -n --keep-going)
mkdir -p _build
stamp=_build/.book-inputs.sha256

inputs_digest() {  # empty outside a git checkout: then every build is a full build
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  { git ls-files -z --cached --others --exclude-standard | sort -z | xargs -0 sha256sum 2>/dev/null || true
    echo "SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-}"; } | sha256sum | cut -d' ' -f1
}

digest=$(inputs_digest)
if [ -n "$digest" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] \
   && [ -f _build/html/index.html ] && [ -f _build/pdf/companion.pdf ]; then
  echo "book up to date (no input changed since the last build): _build/html/index.html  _build/pdf/companion.pdf"
  exit 0
fi
rm -f "$stamp"
stage=$(mktemp -d _build/staging.XXXXXX)
trap 'rm -rf "$stage"' EXIT
# notebooks side by side into the execution cache; Sphinx then reads them from it
"$BIN/python" -m ca911 execute
"$BIN/jupyter-book" build . --path-output "$stage" --builder html "${FLAGS[@]}"
"$BIN/jupyter-book" build . --path-output "$stage" --builder custom --custom-builder simplepdf "${FLAGS[@]}"
test -s "$stage/_build/simplepdf/companion.pdf"
mkdir -p "$stage/swap/pdf"
mv "$stage/_build/simplepdf/companion.pdf" "$stage/swap/pdf/companion.pdf"
for part in html pdf; do  # each swap is a rename; the old copy is removed after
  src="$stage/_build/html"; [ "$part" = pdf ] && src="$stage/swap/pdf"
  [ -e "_build/$part" ] && mv "_build/$part" "$stage/old-$part"
  mv "$src" "_build/$part"
done
[ -n "$digest" ] && echo "$digest" > "$stamp"
echo "HTML: _build/html/index.html   PDF: _build/pdf/companion.pdf"
