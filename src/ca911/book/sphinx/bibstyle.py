"""Author–date citations and reference list (Chicago author-date) for sphinxcontrib-bibtex.

In running text: "Matsui (n.d.)", "(Yuasa n.d., §4.1)". In the list: family name first, the year (or
"n.d.") after the name, titles in their own capitalisation, the Japanese form of a name (bib field
`author_ja`) beside the romanised one as the same person's, not as a second author.

The Japanese edition (Sphinx `language = "ja"`) cites in the author–year form of Japanese
scholarship: 松井（n.d.）, （湯浅 n.d., §4.1）, the family name as the chapters print it (bib
field `author_ja_family`, or `author_ja` for a body such as a newspaper); its list gives the
Japanese name, title and description where the entry has them (`author_ja`, `title_ja`,
`howpublished_ja`). The styles keep their names in both editions: the build's language
chooses which classes they name (`_register_for_language`).
"""

from __future__ import annotations

import dataclasses
import re

import pybtex.plugin
import pybtex.style.names
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import field, first_of, join, node, optional, optional_field, sentence
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from ca911 import __version__

FORMATTING_STYLE = "ca911_author_date"
LABEL_STYLE = "ca911_author_date"
REFERENCE_STYLE = "ca911_author_year"
NO_DATE = "n.d."


def _surnames(entry) -> str:
    persons = entry.persons.get("author", [])
    return " ".join(" ".join(p.last_names) for p in persons).replace("{", "").replace("}", "")


@node
def japanese_form(children, data, role):
    """The Japanese form of the entry's name in parentheses, unless it is the name itself (a body
    the chapters print only in Latin letters, such as Radio Free Europe/Radio Liberty)."""
    entry = data["entry"]
    japanese = entry.fields.get(f"{role}_ja", "")
    written = " ".join(str(person) for person in entry.persons.get(role, ())).replace("{", "")
    if not japanese or japanese == written.replace("}", ""):
        return Text()
    return Text("(", japanese, ")")


class AuthorDateLabels(BaseLabelStyle):
    """Labels a reader can decode, "Matsui n.d.", where a theme shows them (the list hides them:
    ca911.css)."""

    def surnames(self, entry) -> str:
        return _surnames(entry)

    def format_labels(self, sorted_entries):
        seen: dict[str, int] = {}
        for entry in sorted_entries:
            label = f"{self.surnames(entry)} {entry.fields.get('year', NO_DATE)}".strip()
            seen[label] = seen.get(label, 0) + 1
            yield label if seen[label] == 1 else f"{label} ({seen[label]})"


# Fields that are addresses or keys, whose characters are not typeset.
VERBATIM_FIELDS = {"url", "doi", "eprint", "isbn", "issn", "file", "urldate"}


def typeset_quotes(entry) -> None:
    """The entry's text fields with typographic apostrophes and quotation marks (Russia’s, “…”), as
    docutils' smartquotes gives the book's own prose: the bibliography is formatted after Sphinx
    has educated the pages' quotes, so a straight quote of references.bib would reach the reader."""
    from docutils.utils.smartquotes import educateQuotes

    for name, value in list(entry.fields.items()):
        if name.lower() not in VERBATIM_FIELDS and ("'" in value or '"' in value):
            entry.fields[name] = educateQuotes(value, language="en")


class AuthorDateStyle(UnsrtStyle):
    default_name_style = "lastfirst"
    default_label_style = LABEL_STYLE
    default_sorting_style = "author_year_title"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sort = (
            self.sort_by_name
        )  # pybtex's key keeps the braces of "{Interfax}", which sort after "z"

    @staticmethod
    def sort_by_name(entries):
        def key(entry):
            persons = entry.persons.get("author", [])
            names = " ".join(" ".join(p.last_names + p.first_names) for p in persons)
            return (
                names.replace("{", "").replace("}", "").removeprefix("The ").lower(),
                entry.fields.get("year", ""),
            )

        return sorted(entries, key=key)

    def format_entry(self, label, entry, bib_data=None):
        typeset_quotes(entry)
        return super().format_entry(label, entry, bib_data)

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)  # as written: unsrt would lower-case all but the first letter
        return sentence[title] if as_sentence else title

    def format_names(self, role, as_sentence=True):
        # The one author's name, then the Japanese form in parentheses: "Matsui, Hiroaki (松井弘明)"
        names = join(sep=" ")[super().format_names(role, as_sentence=False), japanese_form(role)]
        return sentence[names] if as_sentence else names

    def get_misc_template(self, e):
        return toplevel[
            optional[self.format_names("author")],
            sentence[first_of[optional_field("year"), NO_DATE]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def _round(sep: str = "; ") -> BracketStyle:
    return BracketStyle(left="(", right=")", sep=sep, sep2=sep, last_sep=sep)


@dataclasses.dataclass
class AuthorYearStyle(AuthorYearReferenceStyle):
    """Chicago's "(Matsui n.d., §2; Yuasa n.d.)" and "Matsui (n.d.)": round brackets, no comma
    before the year."""

    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_author: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round)
    author_year_sep: str = " "


# ---------------------------------------------------------------------------- the Japanese edition

JAPANESE_NAME_STYLE = "ca911_ja_family"
# kana or kanji: a name written in Japanese
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Romanised family name (as references.bib writes the author) → the family name as the chapters
# print it, read from the bib file when the Japanese styles are registered.
_JAPANESE_FAMILY: dict[str, str] = {}


def japanese_family_names(bib_text: str) -> dict[str, str]:
    """{romanised last name: Japanese family name} of the bib file's single-author entries: the
    entry's `author_ja_family`, or for a body without a given name (a newspaper, an agency) its
    whole `author_ja`."""
    from pybtex.database import parse_string

    out = {}
    for entry in parse_string(bib_text, "bibtex").entries.values():
        persons = entry.persons.get("author", [])
        if len(persons) != 1:
            continue
        person = persons[0]
        key = " ".join(person.last_names).replace("{", "").replace("}", "")
        family = entry.fields.get("author_ja_family") or (
            entry.fields.get("author_ja") if not person.first_names else None
        )
        if family:
            out[key] = str(family)
    return out


class JapaneseFamilyName(pybtex.style.names.BaseNameStyle):
    """A person as a Japanese citation names them: the family name as the chapters print it where
    the bib file records one, else the romanised family name."""

    def format(self, person, abbr=False):
        key = " ".join(person.last_names).replace("{", "").replace("}", "")
        return join[_JAPANESE_FAMILY.get(key, key)]


class JapaneseAuthorDateLabels(AuthorDateLabels):
    """The labels of the Japanese edition: "松井 n.d.", as its citations name the author."""

    def surnames(self, entry) -> str:
        key = _surnames(entry)
        return _JAPANESE_FAMILY.get(key, key)


def _full_round(sep: str = "；") -> BracketStyle:
    return BracketStyle(left="（", right="）", sep=sep, sep2=sep, last_sep=sep)


@dataclasses.dataclass
class JapaneseAuthorYearStyle(AuthorYearReferenceStyle):
    """松井（n.d.）, （湯浅 n.d., §4.1；松井 n.d.）: full-width brackets, the Japanese family
    name."""

    bracket_textual: BracketStyle = dataclasses.field(default_factory=_full_round)
    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_full_round)
    bracket_author: BracketStyle = dataclasses.field(default_factory=_full_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_full_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_full_round)
    person: PersonStyle = dataclasses.field(
        default_factory=lambda: PersonStyle(style=JAPANESE_NAME_STYLE)
    )
    author_year_sep: str = " "
    text_reference_sep: str = ""


class JapaneseAuthorDateStyle(AuthorDateStyle):
    """The reference list of the Japanese edition, in the Japanese way: 松井弘明（n.d.）
    「米ロ関係と中央アジア」（description）。 The author as the chapters print the name (romanised
    where the entry has no Japanese form), the year in brackets, the Japanese title in 「」 (a
    descriptive title in ［］ as it is), the description in brackets; the English fields where an
    entry has no Japanese ones. The list is in the Japanese order: works under a Japanese name
    first, in 五十音順 of the name's reading (`author_ja_reading` for a name in kanji, a kana name
    by itself), then those under a Latin name, alphabetically; one author's works by year."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sort = self.sort_by_reading

    @staticmethod
    def sort_by_reading(entries):
        from ca911.book.actor_index import japanese_sort_key

        def key(entry):
            name = entry.fields.get("author_ja", "")
            japanese = bool(JAPANESE_SCRIPT.search(name))
            reading = entry.fields.get("author_ja_reading", "")
            return (
                not japanese,
                japanese_sort_key(name, reading) if japanese else ("", "", name.lower()),
                entry.fields.get("year", ""),
            )

        return sorted(entries, key=key)

    def get_misc_template(self, e):
        title = e.fields.get("title_ja", "")
        quoted = bool(title) and not title.startswith("［")
        return join[
            first_of[field("author_ja"), AuthorDateStyle.format_names(self, "author", False)],
            "（",
            first_of[optional_field("year"), NO_DATE],
            "）",
            optional["「" if quoted else "", field("title_ja"), "」" if quoted else ""]
            if title
            else optional[self.format_title(e, "title", as_sentence=False)],
            first_of[
                optional["（", field("howpublished_ja"), "）"],
                optional["（", field("howpublished"), "）"],
            ],
            "。",
            self.format_web_refs(e),
        ]


def register(lang: str = "en", bib_text: str = "") -> None:
    """Registers the book's styles under their names: the English edition's, or the Japanese
    edition's for `lang` "ja" (its family names read from `bib_text`)."""
    ja = lang == "ja"
    if ja:
        _JAPANESE_FAMILY.clear()
        _JAPANESE_FAMILY.update(japanese_family_names(bib_text))
    pybtex.plugin.register_plugin(
        "pybtex.style.names", JAPANESE_NAME_STYLE, JapaneseFamilyName, force=True
    )
    pybtex.plugin.register_plugin(
        "pybtex.style.labels",
        LABEL_STYLE,
        JapaneseAuthorDateLabels if ja else AuthorDateLabels,
        force=True,
    )
    pybtex.plugin.register_plugin(
        "pybtex.style.formatting",
        FORMATTING_STYLE,
        JapaneseAuthorDateStyle if ja else AuthorDateStyle,
        force=True,
    )
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing",
        REFERENCE_STYLE,
        JapaneseAuthorYearStyle if ja else AuthorYearStyle,
        force=True,
    )


def _register_for_language(app: Sphinx, config) -> None:
    from pathlib import Path

    from ca911.book.records import edition_of

    lang = edition_of(config.language)
    bib_text = "\n".join(
        Path(app.srcdir, f).read_text(encoding="utf-8")
        for f in (getattr(config, "bibtex_bibfiles", None) or [])
        if Path(app.srcdir, f).is_file()
    )
    register(lang, bib_text)


def setup(app: Sphinx) -> dict:
    register()  # before sphinxcontrib-bibtex looks up the styles _config.yml names
    # then by the build's language, once its configuration is read (before the domain is made)
    app.connect("config-inited", _register_for_language)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
