#!/usr/bin/env bash
# Builds the book's two editions, English and Japanese, each as HTML and PDF, in a persistent build stage
# (_build/stage: Sphinx's environments, so an edit re-reads only what it touches) and moves copies into place
# only when all four built, so a failed build never leaves a half-written book:
#   _build/html/ (English) with _build/html/ja/ (Japanese): one site, the editions link to each other
#   _build/pdf/companion.pdf, _build/pdf/companion-ja.pdf
# The Japanese edition is built from a mirror of the sources (_build/stage/ja/src, with its _config.yml
# derived from ours by `python -m ca911 edition-sources ja`): the extension writes _generated/ into the
# folder it builds, in that edition's language. A lock keeps two builds out of one stage.
# When nothing the book is made from has changed since the last successful build (every file git
# tracks or would track, except the tests, the tools, CI's entry point and the maintainers' documents
# (README, CONTRIBUTING, benchmarks/), which no page is built from; and SOURCE_DATE_EPOCH), the book in _build/ is already this book: say so, stop.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
FLAGS=(-W -n --keep-going)
mkdir -p _build
stamp=_build/.book-inputs.sha256
stage=_build/stage
# one output date for every tool below (matplotlib, Sphinx, the downloads), from the environment or ca911's default
[ -n "${SOURCE_DATE_EPOCH:-}" ] || SOURCE_DATE_EPOCH=$("$BIN/python" -m ca911 source-date-epoch)
export SOURCE_DATE_EPOCH

# A build step; with CA911_PHASE_TIMES set (tools/bench.py), its wall-clock, user and system seconds
# (children included: the notebook kernels, WeasyPrint) are appended there as "name real user sys".
phase() {
  local name=$1; shift
  if [ -z "${CA911_PHASE_TIMES:-}" ]; then "$@"; return; fi
  local TIMEFORMAT="$name %R %U %S"
  { time "$@" 2>&3; } 3>&2 2>>"$CA911_PHASE_TIMES"
}

inputs_digest() {  # empty outside a git checkout: then every build is a full build
  git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
  { git ls-files -z --cached --others --exclude-standard -- . ':!tests' ':!tools' ':!.ci' ':!README.md' ':!CONTRIBUTING.md' ':!benchmarks' \
      | sort -z | xargs -0 sha256sum 2>/dev/null || true
    echo "SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-}"
    echo "commit=$(git rev-parse HEAD 2>/dev/null) ${CA911_COMMIT:-}"; } | sha256sum | cut -d' ' -f1  # the imprint names it
}

exec 9>_build/.stage.lock
flock -n 9 || { echo "another build holds $stage; waiting for it"; flock 9; }

digest=$(inputs_digest)
if [ -n "$digest" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] \
   && [ -f _build/html/index.html ] && [ -f _build/pdf/companion.pdf ] \
   && [ -f _build/html/ja/index.html ] && [ -f _build/pdf/companion-ja.pdf ]; then
  echo "book up to date (no input changed since the last build): _build/html/index.html (ja/index.html)  _build/pdf/companion.pdf (companion-ja.pdf)"
  exit 0
fi
rm -f "$stamp"
# A build that failed or was killed may have left the stage's environment believing pages were read
# whose warnings were never fixed: such a stage is started afresh.
if [ -e "$stage/.incomplete" ]; then
  echo "the last build in $stage did not finish: starting from an empty stage"
  rm -rf "$stage"
fi
mkdir -p "$stage"
touch "$stage/.incomplete"
swap=$(mktemp -d _build/swap.XXXXXX)
trap 'rm -rf "$swap"' EXIT
# notebooks side by side into the execution cache, once per language; Sphinx then reads them from it
phase execute "$BIN/python" -m ca911 execute
# one environment per output: the PDF excludes the actor pages, so a shared one would be re-read each time
phase html-en "$BIN/jupyter-book" build . --path-output "$stage/html" --builder html "${FLAGS[@]}"
# the Japanese edition from its mirror of the sources, with the configuration derived for it
ja="$stage/ja"
ja_config=$(phase sources-ja "$BIN/python" -m ca911 edition-sources ja "$ja/src")
phase html-ja "$BIN/jupyter-book" build "$ja/src" --config "$ja_config" --path-output "$ja/html" --builder html "${FLAGS[@]}"
# tools/bench.py's scale measurement stops here: both HTML editions built in the stage, nothing moved into place
if [ -n "${CA911_HTML_ONLY:-}" ]; then rm -f "$stage/.incomplete"; echo "HTML editions built in $stage (CA911_HTML_ONLY)"; exit 0; fi
# the print edition has its own table of contents (no page per actor: the compact actor index instead)
phase pdf-en "$BIN/jupyter-book" build . --path-output "$stage/pdf" --toc _toc_print.yml --builder custom --custom-builder simplepdf "${FLAGS[@]}"
test -s "$stage/pdf/_build/simplepdf/companion.pdf"
phase pdf-ja "$BIN/jupyter-book" build "$ja/src" --config "$ja_config" --path-output "$ja/pdf" --toc _toc_print.yml --builder custom --custom-builder simplepdf "${FLAGS[@]}"
test -s "$ja/pdf/_build/simplepdf/companion-ja.pdf"
# copies, not links: the next build rewrites the stage's files in place
cp -a "$stage/html/_build/html" "$swap/html"
cp -a "$ja/html/_build/html" "$swap/html/ja"
mkdir "$swap/pdf"
cp -a "$stage/pdf/_build/simplepdf/companion.pdf" "$swap/pdf/companion.pdf"
cp -a "$ja/pdf/_build/simplepdf/companion-ja.pdf" "$swap/pdf/companion-ja.pdf"
# beside each PDF, its archival copy (PDF/A-3 carrying the data package, written from the same layout;
# tests/test_pdf_archive.py fails when it is missing)
for archival in "$stage"/pdf/_build/simplepdf/*-archival.pdf "$ja"/pdf/_build/simplepdf/*-archival.pdf; do
  [ ! -e "$archival" ] || cp -a "$archival" "$swap/pdf/"
done
for part in html pdf; do  # each swap is a rename; the old copy is removed with the swap folder
  [ -e "_build/$part" ] && mv "_build/$part" "$swap/old-$part"
  mv "$swap/$part" "_build/$part"
done
rm -f "$stage/.incomplete"
[ -n "$digest" ] && echo "$digest" > "$stamp"
echo "HTML: _build/html/index.html (日本語版: _build/html/ja/index.html)   PDF: _build/pdf/companion.pdf, _build/pdf/companion-ja.pdf"
