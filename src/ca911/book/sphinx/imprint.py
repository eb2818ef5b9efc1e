"""The print edition's title page and imprint: what the book is, which commit and data it is built
from, its licences, how to cite it and how to obtain the HTML edition (no published address is
invented)."""

from __future__ import annotations

from pathlib import Path


def build_commit(srcdir: Path) -> str | None:
    """The commit the book is built from: CA911_COMMIT (a copy of the project without .git, as
    ci/reader-clone.sh makes, names its commit so), else git's HEAD, marked when the tree differs
    from it."""
    import os
    import subprocess

    if os.environ.get("CA911_COMMIT"):
        return os.environ["CA911_COMMIT"]
    try:
        head = subprocess.run(
            ["git", "-C", str(srcdir), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        status = subprocess.run(
            ["git", "-C", str(srcdir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    commit = head.stdout.strip()[:12]
    return f"{commit} with uncommitted changes" if status.stdout.strip() else commit


def data_date() -> str | None:
    """The date the build fixes in its outputs, as a reader writes it."""
    from ca911.data.output_date import output_datetime

    day = output_datetime()
    return f"{day.day} {day:%B %Y}"


def print_front_matter(
    title: str,
    author: str,
    version: str,
    blurb: str,
    cff: dict,
    commit: str | None,
    date: str | None,
) -> str:
    """The title page and the imprint of the print edition, as HTML."""
    import html

    e = html.escape
    licences = {
        "MIT": "Code: MIT licence (the file <code>LICENSE</code>)",
        "CC-BY-4.0": "Text, figures and data: Creative Commons Attribution 4.0 International "
        "(CC BY 4.0; the file <code>LICENSE-CC-BY-4.0.txt</code>)",
    }
    cff_licences = cff.get("license") or []
    cff_licences = [cff_licences] if isinstance(cff_licences, str) else cff_licences
    authors = ", ".join(
        a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff.get("authors", [])
    )
    built = (
        f"Built from commit <code>{e(commit)}</code>"
        if commit
        else "Built outside a git checkout (no commit known)"
    )
    built += (
        f". Every file date in the build is set to {e(date)}, so that the same sources give the "
        "same files;"
        " it is not a date of publication."
        if date
        else "."
    )
    citation = (
        f"{e(authors)}. <i>{e(cff.get('title', title))}</i>. "
        f"Version {e(str(cff.get('version', version)))}."
    )
    return f"""<article class="ca911-title-page">
  <h1>{e(title)}</h1>
  <p>{e(blurb)}</p>
  <p class="ca911-title-version">Version {e(version)}</p>
  <p class="ca911-title-author">{e(author)}</p>
</article>
<article class="ca911-imprint">
  <p><b>{e(title)}</b>, version {e(version)}. {built}</p>
  <dl>
    <dt>Licences</dt>
    <dd>{". ".join(licences.get(name, e(name)) for name in cff_licences)}.</dd>
    <dt>How to cite</dt>
    <dd>{citation} Cite the two source chapters for their arguments; the forms, and how to cite one record,
      are in <a class="ca911-xref" href="#app-how-to-cite">How to cite</a>.</dd>
    <dt>The HTML edition and the data</dt>
    <dd>This volume has no published address yet. Its HTML edition, with the interactive tables, every
      download this print edition names by its file name (such as <code>ca911-data.zip</code>), the executed
      notebooks and the data package in <code>data/</code>, is built from the project's repository: run
      <code>make book</code> at its root (the repository's README gives the requirements). The HTML edition is then
      in <code>_build/html/index.html</code> and this PDF in <code>_build/pdf/companion.pdf</code>.</dd>
  </dl>
</article>
"""  # noqa: E501 (the page's HTML as it is printed)
