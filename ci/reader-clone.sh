#!/usr/bin/env bash
# A reader's clone: the project's files copied where no ../shared exists (the chapters are not part of the
# repository), then the README's commands run there, and that book compared with this checkout's book:
# both editions (the HTML site with its ja/ folder, companion.pdf and companion-ja.pdf).
#   bash ci/reader-clone.sh          copy, `make test` there (builds its book first), compare the books
#   bash ci/reader-clone.sh --build  copy, `make book` there, compare (quicker; no tests)
set -euo pipefail
cd "$(dirname "$0")/.."
target=test; [ "${1:-}" = "--build" ] && target=book
make --no-print-directory book  # the book to compare with, brought up to date (at once when it is)
parent=$(mktemp -d "${TMPDIR:-/tmp}/ca911-reader.XXXXXX")
trap 'rm -rf "$parent"' EXIT
reader="$parent/ca911"
mkdir -p "$reader"
# the tracked and untracked-but-not-ignored files, as a clone of this working tree would have them
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$reader"
test ! -e "$parent/shared" || { echo "reader-clone: $parent/shared exists; not a reader's clone" >&2; exit 1; }
echo "reader's clone at $reader (no ../shared beside it): make $target"
# the copy has no .git: it names the checkout's commit for the imprint, as the checkout's own book does
commit=$(git rev-parse HEAD | cut -c1-12)
[ -z "$(git status --porcelain --untracked-files=no)" ] || commit="$commit with uncommitted changes"
(cd "$reader" && env -u CA911_SOURCES CA911_COMMIT="$commit" make "$target")
"$reader/.venv/bin/python" -c 'from ca911.sources.reader import sources_available, sources_dir; assert not sources_available(), sources_dir(); print("the chapters were out of reach:", sources_dir())'
.venv/bin/python tools/compare_books.py _build "$reader/_build"
