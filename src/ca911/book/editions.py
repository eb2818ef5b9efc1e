"""The book's two editions, English and Japanese, made from one source.

The English edition is built from the project's folder itself. The Japanese one is built with
Sphinx `language = "ja"` from a mirror of the same sources (`_build/stage/ja/src`): the extension
writes `_generated/` into the folder it builds, in the edition's language, so the two editions
cannot share one source folder. The mirror is kept file by file (a file is copied only when its
size or time differs, a file no longer listed is removed), so Sphinx's environment of the Japanese
edition stays incremental. Its configuration is derived from `_config.yml` here, never kept by hand.

Where the editions land: one site, the English pages at its root and the Japanese ones under
`ja/` (so the editions link to each other relatively), and one PDF each.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ca911.data.language import DEFAULT_LANG, check_language


@dataclass(frozen=True)
class Edition:
    lang: str
    html_dir: str  # inside the site, "" for the root
    pdf_name: str
    title: str
    other_edition_label: str  # how this edition's pages name the other edition

    @property
    def html_prefix(self) -> PurePosixPath:
        return PurePosixPath(self.html_dir or ".")

    def built_file(self, kind: str) -> str:
        """Where a build in the project's folder writes this edition's `kind` (`html`, its first
        page; `pdf`; `archival`, the PDF/A copy), as a reader types it: the Japanese edition's
        pages name its own files (`_build/html/ja/index.html`), not the English ones."""
        files = {
            "html": str(PurePosixPath(BUILD_DIR, "html", self.html_dir, "index.html")),
            "pdf": str(PurePosixPath(BUILD_DIR, "pdf", self.pdf_name)),
            "archival": str(PurePosixPath(BUILD_DIR, "pdf", archival_pdf_name(self.pdf_name))),
        }
        if kind not in files:
            raise ValueError(f"no built file {kind!r}: one of {', '.join(files)}")
        return files[kind]


BUILD_DIR = "_build"
ARCHIVAL_SUFFIX = "-archival"


def archival_pdf_name(pdf_name: str) -> str:
    """companion.pdf → companion-archival.pdf; companion-ja.pdf → companion-ja-archival.pdf."""
    path = PurePosixPath(pdf_name)
    return f"{path.stem}{ARCHIVAL_SUFFIX}{path.suffix}"


EDITIONS = {
    "en": Edition(
        lang="en",
        html_dir="",
        pdf_name="companion.pdf",
        title="Central Asia after 9/11: a reproducible companion",
        other_edition_label="日本語版",
    ),
    "ja": Edition(
        lang="ja",
        html_dir="ja",
        pdf_name="companion-ja.pdf",
        title="9.11後の中央アジア：再現可能な副読本",
        other_edition_label="English edition",
    ),
}
# The team's name in Japanese, one form everywhere (cover, author, copyright, citation, PDF): no
# space between the Latin "ca911" and the Japanese that follows, as Japanese typesetting spaces
# mixed scripts by itself.
TEAM_JA = "ca911副読本チーム"
# What the volume is, in Japanese: the cover's blurb and the Japanese PDF's subject.
ABSTRACT_JA = (
    "二つの日本語の章から典拠つきのデータ・年表・ネットワークを作る：松井弘明の米ロ関係と"
    "中央アジア論、湯浅剛のカザフスタンとウズベキスタンの外交政策論。"
)
# CITATION.cff's keywords in Japanese, in its order (a keyword with no entry here stays as it is).
KEYWORDS_JA = {
    "Central Asia": "中央アジア",
    "9/11": "9.11",
    "Iraq war": "イラク戦争",
    "Kazakhstan": "カザフスタン",
    "Uzbekistan": "ウズベキスタン",
    "Russia": "ロシア",
}
# The cover's words in the Japanese edition (its print cover reads them from html_context).
COVER_JA = {
    "cover_logo_title": TEAM_JA,
    "cover_meta_data": ABSTRACT_JA,
    "cover_footer": "コード：MIT　本文・図・データ：CC BY 4.0",
}

# The theme's words that come from its options, in Japanese.
THEME_WORDS_JA = {"search_bar_text": "検索..."}
# The book's own words in the Japanese edition's configuration (author, footer, copyright line).
BOOK_WORDS_JA = {
    "author": TEAM_JA,
    "copyright": f"{TEAM_JA}。本文・図・データはCC BY 4.0、コードはMIT",
    "extra_footer": "コードはMIT、本文とデータはCC BY 4.0。",
}

# The mirror of a project outside git: every file except these folders and caches.
NOT_SOURCES = {
    ".git",
    ".venv",
    "_build",
    "_generated",
    ".pytest_cache",
    ".hypothesis",
    "__pycache__",
    ".ipynb_checkpoints",
    ".ruff_cache",
    ".jupyter_cache",
}
# files no page is built from; their absence keeps a test edit from touching the mirror
NOT_BOOK_INPUTS = ("tests/", "tools/", ".ci/", "benchmarks/")
MANIFEST = ".ca911-mirror-files"


def edition(lang: str) -> Edition:
    return EDITIONS[check_language(lang)]


def other_languages(lang: str) -> list[str]:
    return [other for other in EDITIONS if other != check_language(lang)]


def source_files(root: Path) -> list[str]:
    """The book's source files, relative to `root`: those git tracks or would track (as a clone has
    them); outside a git checkout every file except the build products and caches."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        files = [f for f in listed.split("\0") if f and (root / f).is_file()]
    except (OSError, subprocess.CalledProcessError):
        files = [
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not NOT_SOURCES.intersection(p.relative_to(root).parts)
        ]
    return sorted(f for f in files if not f.startswith(NOT_BOOK_INPUTS))


def _same_file(a: Path, b: Path) -> bool:
    if not b.is_file():
        return False
    sa, sb = a.stat(), b.stat()
    return sa.st_size == sb.st_size and int(sa.st_mtime) == int(sb.st_mtime)


def mirror_sources(root: Path, target: Path, skip: frozenset[str] = frozenset()) -> list[str]:
    """Make `target` hold the book's sources as `root` has them, except the files in `skip`;
    returns the files copied or removed. Files the mirror's own build writes (`_generated/`,
    compiled catalogs) are left."""
    target.mkdir(parents=True, exist_ok=True)
    files = [f for f in source_files(root) if f not in skip]
    manifest = target / MANIFEST
    before = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    changed = []
    for rel in sorted(before - set(files)):
        (target / rel).unlink(missing_ok=True)
        changed.append(rel)
    for rel in files:
        src, dst = root / rel, target / rel
        if not _same_file(src, dst):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            changed.append(rel)
    manifest.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    return changed


def cover_title_lines(title: str) -> list[str]:
    """A Japanese title in the lines a cover sets it in: a break after its colon, never inside a
    word (9.11後の中央アジア：｜再現可能な副読本)."""
    head, colon, rest = title.partition("：")
    return [head + colon, rest] if colon and rest else [title]


def edition_config(config: dict, lang: str, execution_cache: Path | None = None) -> dict:
    """The Jupyter Book configuration of the edition in `lang`, from the English one (`config`, as
    `_config.yml` has it). `execution_cache`: the one execution cache both editions share (the
    notebooks' hidden first cell keys each edition's outputs by language)."""
    ed = edition(lang)
    out = yaml.safe_load(yaml.safe_dump(config))  # a deep copy
    if lang == DEFAULT_LANG:
        return out
    out["title"] = ed.title
    if lang == "ja":
        out["author"] = BOOK_WORDS_JA["author"]
        out["copyright"] = BOOK_WORDS_JA["copyright"]
        out.setdefault("html", {})["extra_footer"] = BOOK_WORDS_JA["extra_footer"]
    sphinx_config = out.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["language"] = lang
    if lang == "ja":
        from ca911.book.sphinx.imprint import IMPRINT_WORDS

        sphinx_config["html_context"] = {
            **sphinx_config.get("html_context", {}),
            **COVER_JA,
            "cover_title_lines": cover_title_lines(ed.title),
            # the cover names the version as the title page does
            "cover_version": IMPRINT_WORDS["ja"]["version"],
        }
        # the theme's search box takes its words from an option, not from a catalog
        sphinx_config["html_theme_options"] = {
            **sphinx_config.get("html_theme_options", {}),
            **THEME_WORDS_JA,
        }
    sphinx_config.update(CODE_PROMPTS.get(lang, {}))
    if execution_cache is not None:
        out.setdefault("execute", {})["cache"] = str(execution_cache)
    return out


TOC_FILES = ("_toc.yml", "_toc_print.yml")
CODE_PROMPTS = {
    "ja": {"nb_code_prompt_show": "コードを表示", "nb_code_prompt_hide": "コードを隠す"}
}


def _root_catalog(root: Path, lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    path = root / "locales" / lang / "LC_MESSAGES" / "index.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return {
            str(m.id): str(m.string) for m in read_po(handle) if m.id and m.string and not m.fuzzy
        }


# the caption in _toc.yml of the part whose pages are lettered appendices (sphinx.numbering)
APPENDIX_CAPTION = "Appendices"


def edition_toc(toc: dict, lang: str, catalog: dict[str, str], name: str = "_toc.yml") -> dict:
    """The table of contents of the edition in `lang`: its part captions from the root page's
    catalog, where the gettext builder extracts them (Sphinx reads them from the toc file, after the
    catalogs are applied, so they are never translated on their own)."""
    out = yaml.safe_load(yaml.safe_dump(toc))
    if lang == DEFAULT_LANG:
        return out
    for part in out.get("parts", []):
        caption = part.get("caption")
        if caption is None:
            continue
        if caption not in catalog:
            raise ValueError(
                f"{name}: the part caption {caption!r} has no translation in "
                f"locales/{lang}/LC_MESSAGES/index.po (run `make catalogs`)"
            )
        part["caption"] = catalog[caption]
    return out


def write_edition_sources(root: Path, lang: str, target: Path) -> Path:
    """The mirror of the book's sources in `target` with the edition's `_config.yml`; returns the
    configuration's path. The configuration is rewritten only when it changes."""
    root = root.resolve()
    mirror_sources(root, target, skip=frozenset({"_config.yml", *TOC_FILES}))
    catalog = _root_catalog(root, lang)
    for name in TOC_FILES:
        if not (root / name).is_file():
            continue
        toc = yaml.safe_load((root / name).read_text(encoding="utf-8"))
        toc_text = yaml.safe_dump(
            edition_toc(toc, lang, catalog, name), allow_unicode=True, sort_keys=False
        )
        toc_path = target / name
        if not toc_path.is_file() or toc_path.read_text(encoding="utf-8") != toc_text:
            toc_path.write_text(toc_text, encoding="utf-8")
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    cache = Path(config.get("execute", {}).get("cache", "_build/.jupyter_cache"))
    derived = edition_config(config, lang, cache if cache.is_absolute() else root / cache)
    if lang != DEFAULT_LANG:
        # the appendices are lettered by their part's caption, which the edition's toc translates
        sphinx_config = derived.setdefault("sphinx", {}).setdefault("config", {})
        appendices = sphinx_config.get("ca911_appendix_caption", APPENDIX_CAPTION)
        if appendices in catalog:
            sphinx_config["ca911_appendix_caption"] = catalog[appendices]
    text = yaml.safe_dump(derived, allow_unicode=True, sort_keys=False)
    path = target / "_config.yml"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
