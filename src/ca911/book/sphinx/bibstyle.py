"""Author–date citations and reference list (Chicago author-date) for sphinxcontrib-bibtex.

In running text: "Matsui (n.d.)", "(Yuasa n.d., §4.1)". In the list: family name first, the year (or
"n.d.") after the name, titles in their own capitalisation, the Japanese form of a name (bib field
`author_ja`) beside the romanised one as the same person's, not as a second author.
"""

from __future__ import annotations

import dataclasses

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import field, first_of, join, optional, optional_field, sentence
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from ca911 import __version__

FORMATTING_STYLE = "ca911_author_date"
LABEL_STYLE = "ca911_author_date"
REFERENCE_STYLE = "ca911_author_year"
NO_DATE = "n.d."


def _surnames(entry) -> str:
    persons = entry.persons.get("author", [])
    return " ".join(" ".join(p.last_names) for p in persons).replace("{", "").replace("}", "")


class AuthorDateLabels(BaseLabelStyle):
    """Labels a reader can decode, "Matsui n.d.", where a theme shows them (the list hides them:
    ca911.css)."""

    def format_labels(self, sorted_entries):
        seen: dict[str, int] = {}
        for entry in sorted_entries:
            label = f"{_surnames(entry)} {entry.fields.get('year', NO_DATE)}".strip()
            seen[label] = seen.get(label, 0) + 1
            yield label if seen[label] == 1 else f"{label} ({seen[label]})"


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

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)  # as written: unsrt would lower-case all but the first letter
        return sentence[title] if as_sentence else title

    def format_names(self, role, as_sentence=True):
        # The one author's name, then the Japanese form in parentheses: "Matsui, Hiroaki (松井弘明)"
        names = join(sep=" ")[
            super().format_names(role, as_sentence=False), optional["(", field(f"{role}_ja"), ")"]
        ]
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


def register() -> None:
    pybtex.plugin.register_plugin("pybtex.style.labels", LABEL_STYLE, AuthorDateLabels, force=True)
    pybtex.plugin.register_plugin(
        "pybtex.style.formatting", FORMATTING_STYLE, AuthorDateStyle, force=True
    )
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE, AuthorYearStyle, force=True
    )


def setup(app: Sphinx) -> dict:
    register()  # before sphinxcontrib-bibtex looks up the styles _config.yml names
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
