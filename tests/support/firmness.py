"""How firmly the companion's prose holds a claim, against how firmly the chapter holds it.

A sentence of ours that cites a passage the chapter hedges (`hedged`) or gives as someone's view
(`reported_view`) must say so with a hedge or an attribution word. A citation is a fact record, an
event record or a locator; how the chapter holds it comes from the data: `facts.modality`, and the
sentence map (`sentences.csv`) for locators and events. The same rule is read on the MyST sources of
the chapters (tests/test_prose.py) and on every rendered page of prose
(tests/test_rendered_firmness.py), where a record shows as a link and a locator as inline code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from ca911.book.sphinx.repeated_locators import IBID

# Words that show a claim is held tentatively, or is someone's view.
HEDGE_WORDS = (
    r"perhaps|probably|likely|may|might|could|would|seem(?:s|ed)?|appear(?:s|ed)?|apparently|possibl[ey]|"
    r"surmise[sd]?|guess(?:es|ed)?|presume[sd]?|suggest(?:s|ed)?|tentative(?:ly)?|caution|doubt(?:s|ful)?|"
    r"whether|reading|reads|infers?|inference|expects?|expected|hints?|suppose[sd]?|thinks?|judges?"
)
ATTRIBUTION_WORDS = (
    r"reports?|reported|according|views?|said|says?|argue[sd]?|claim(?:s|ed)?|regard(?:s|ed)?|"
    r"held|holds|believed?|thought|voices?|commentators?|opinion|speculat\w*|perceived|saw|sees|seen|"
    r"stress(?:es|ed)?|calls?|called|complain(?:s|ed)?|warn(?:s|ed)?|asks?|asked|doubted|judged|revealed|blamed"
)
HEDGED_OR_ATTRIBUTED = re.compile(rf"\b(?:{HEDGE_WORDS}|{ATTRIBUTION_WORDS})\b", re.I)
FIRMNESS = ("hedged", "reported_view")
LOCATOR = re.compile(r"^ch[34] §\S+ (?:¶|T1 )")
# An event link without words of its own shows the event's date; "May" there is a month, not a
# hedge.
RENDERED_DATE = re.compile(r"^(?:about )?[\w\s–-]*\b\d{4}s?$")


@dataclass
class Modalities:
    """How the chapters hold each citable thing: fact ids, event ids, sentence and paragraph
    locators."""

    facts: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_package(cls, package) -> Modalities:
        facts = dict(
            zip(package.facts["fact_id"].astype(str), package.facts["modality"].astype(str))
        )
        # a paragraph's facts include those the chapter states in its notes (`ch4 §3.1 ¶1 n.5`)
        paragraph = package.facts["locator"].astype(str).str.replace(r" n\.\d+$", "", regex=True)
        paragraphs = (
            package.facts.groupby(paragraph)["modality"].agg(lambda s: set(s.astype(str))).to_dict()
        )
        sentences = dict(
            zip(package.sentences["locator"].astype(str), package.sentences["modality"].astype(str))
        )
        return cls(facts, event_modalities(package), sentences, paragraphs)

    def of_locator(self, locator: str) -> str | None:
        locator = locator.replace("–", "-")  # a run of paragraphs as the page shows it (¶6–7)
        if locator in self.sentences:
            return self.sentences[locator]
        if locator in self.paragraphs:  # a paragraph cites the facts recorded at it
            firm = sorted(self.paragraphs[locator] & set(FIRMNESS))
            return firm[0] if firm else "asserted"
        return None


def event_modalities(package) -> dict[str, str]:
    """An event → hedged or reported_view when every sentence of the chapter that states it holds it
    so."""
    rows = package.sentences[package.sentences["content"].astype(str) == "fact"]
    held: dict[str, set[str]] = {}
    for refs, modality in zip(rows["record_refs"], rows["modality"].astype(str)):
        for ref in refs or []:  # a list: the loader splits list-valued fields
            if ref.startswith("events:"):
                held.setdefault(ref.removeprefix("events:"), set()).add(modality)
    return {e: sorted(m)[0] for e, m in held.items() if m <= set(FIRMNESS)}


@dataclass
class CitingSentence:
    """One sentence of prose: the reader's words, and what it cites."""

    words: str
    facts: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    locators: list[str] = field(default_factory=list)


def soft_citations(sentence: CitingSentence, modalities: Modalities) -> dict[str, str]:
    """What the sentence cites that the chapter holds as hedged or as someone's view."""
    cited = {f: modalities.facts.get(f) for f in sentence.facts}
    cited |= {e: modalities.events.get(e) for e in sentence.events}
    cited |= {loc: modalities.of_locator(loc) for loc in sentence.locators}
    return {k: v for k, v in cited.items() if v in FIRMNESS}


def firmness_problems(sentence: CitingSentence, modalities: Modalities) -> list[str]:
    soft = soft_citations(sentence, modalities)
    return (
        [f"{k} is {v}" for k, v in soft.items()]
        if soft and not HEDGED_OR_ATTRIBUTED.search(sentence.words)
        else []
    )


# A sentence ends at . ? or ! before a space and a capital, a quotation or a citation marker.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z「“\"(\x00])")
_MARK = re.compile(r"\x00(fact|event|locator)\x01([^\x00]*)\x00")
# Parts of a page that are not our running prose: code cells and their output (tables of records),
# the navigation, and the sentence map, which lists the chapter's own sentences.
_NOT_PROSE = (
    "div.cell_input",
    "div.cell_output",
    "nav",
    "div.toctree-wrapper",
    "footer",
    "div.prev-next-area",
)


def rendered_sentences(page_html: str) -> list[CitingSentence]:
    """The sentences of a rendered page's prose paragraphs and list items, each with the records
    (links to `#fact-…`, `#ev-…`) and locators (inline code `ch3 §2 ¶4 s.5`) it cites."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article") or soup.find("main") or soup.body or soup
    for selector in _NOT_PROSE:
        for tag in article.select(selector):
            tag.decompose()
    sentences = []
    for block in article.find_all(["p", "li"]):
        if block.find(
            ["p", "li"]
        ):  # a list item holding paragraphs: its paragraphs are read on their own
            continue
        text = "".join(_marked(node) for node in block.children)
        for chunk in _SENTENCE_END.split(" ".join(text.split())):
            found = CitingSentence(words=_MARK.sub(" ", chunk))
            for kind, value in _MARK.findall(chunk):
                {"fact": found.facts, "event": found.events, "locator": found.locators}[
                    kind
                ].append(value)
            sentences.append(found)
    return sentences


def _marked(node) -> str:
    """A node's text, with each record link or locator replaced by a marker (a link keeps its
    words)."""
    if isinstance(node, NavigableString):
        return str(node)
    if not isinstance(node, Tag):
        return ""
    if node.name == "code":
        code = " ".join(node.get_text(" ").split())
        return f"\x00locator\x01{code}\x00" if LOCATOR.match(code) else " "
    if node.name == "a":
        href = node.get("href", "")
        words = " ".join(node.get_text(" ").split())
        for kind, anchor in (("fact", "#fact-"), ("event", "#ev-")):
            if anchor in href:
                shown = LOCATOR.match(words) or RENDERED_DATE.match(words) or words in IBID.values()
                words = "" if shown else words
                return f"{words} \x00{kind}\x01{href.split(anchor, 1)[1]}\x00"
    return "".join(_marked(child) for child in node.children)


def known_locators(sentence_locators, cell_locators) -> set[str]:
    """Every locator the sentence map can answer: its sentences, their paragraphs, their sections,
    Table 1's cells."""
    known = (
        set(sentence_locators)
        | {s.rsplit(" s.", 1)[0] for s in sentence_locators}
        | set(cell_locators)
    )
    return known | {loc.split(" ¶")[0] for loc in known if " ¶" in loc}


def unknown_locators(sentences: list[CitingSentence], known: set[str]) -> list[str]:
    """Locators the prose shows that name no passage: a paragraph range must name known paragraphs,
    a note marker is read with its passage."""
    unknown = []
    for s in sentences:
        for loc in s.locators:
            base = re.sub(r" n\.\d+$", "", loc)
            span = re.fullmatch(r"(?P<head>.+ ¶)(?P<first>\d+)[-–](?P<last>\d+)", base)
            parts = (
                [f"{span['head']}{n}" for n in range(int(span["first"]), int(span["last"]) + 1)]
                if span
                else [base]
            )
            unknown += [f"{loc} (in: {s.words[:80]})" for p in parts if p not in known]
    return unknown
