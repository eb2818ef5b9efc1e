"""The companion chapters (chapters/*.md): our own words, no typed numbers, every date and count
from the data, every quotation short, verbatim and located, and at least one figure cited."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from ca911.data.chapters import chapter_ids
from ca911.sources.copied_text import RUN, copied_run
from ca911.sources.reader import normalise, read_chapter, resolve
from support.firmness import FIRMNESS, HEDGED_OR_ATTRIBUTED, event_modalities
from support.project import ROOT, needs_sources

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.md"))

ROLE = re.compile(r"\{(?P<name>[A-Za-z][\w:-]*)\}`(?P<content>[^`]*)`")
BACKTICKED = re.compile(r"`[^`]*`")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
LABEL_LINE = re.compile(r"^\([\w.:-]+\)=\s*$")
# The only digits prose may type (rule 2): chapter numbers, the table's name, the attacks' name.
ALLOWED_PHRASES = re.compile(r"\b[Cc]hapter [34]\b|\bTable 1\b|9/11")
QUOTE = re.compile(r"「([^」]*)」")
LOCATOR = re.compile(r"ch[34] §[^`]+")
QUOTE_MAX_CHARS = 12  # a term or a phrase, never a sentence
OVERLAP_CHARS = RUN  # a shared run this long (after NFKC, no whitespace) counts as copied
EXPLICIT_TITLE = re.compile(r"^(?P<title>.+?)\s*<(?P<target>[^<>]+)>$", re.S)
# a sentence ends at . ? or ! before a space and a capital, a role or a quotation (never inside
# backticks: locators' "s.3" is followed by a backtick)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z{「*(])")


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the prose: code fences blanked, label lines dropped."""
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
    return [
        (n, line)
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not LABEL_LINE.match(line.strip())
    ]


def _strip_markup(line: str) -> str:
    return BACKTICKED.sub(" ", ROLE.sub(" ", line))


def _roles(name: str) -> list[tuple[Path, int, str]]:
    return [
        (path, n, m["content"])
        for path in CHAPTERS
        for n, line in _lines(path)
        for m in ROLE.finditer(line)
        if m["name"] == name
    ]


def _glued_names(notebook: Path) -> list[re.Pattern]:
    """Names a notebook glues; an f-string name becomes a pattern with its fields as wildcards."""
    names = []
    for m in re.finditer(r"""\bglue\(\s*(f?)(["'])(.+?)\2""", notebook.read_text(encoding="utf-8")):
        is_f, name = m.group(1), m.group(3)
        if is_f:
            parts = re.split(r"\{[^}]*\}", name)
            names.append(re.compile(".+".join(re.escape(p) for p in parts) + r"\Z"))
        else:
            names.append(re.compile(re.escape(name) + r"\Z"))
    return names


def test_there_are_chapters():
    assert CHAPTERS, "no chapters/*.md found"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_starts_with_label_and_title_and_labels_its_sections(chapter):
    lines = chapter.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"(ch-{chapter.stem})=", "the first line is the chapter's label (ch-<file>)="
    assert lines[1].startswith("# "), "the label is followed by the chapter's H1"
    for n, line in enumerate(lines):
        if line.startswith("## "):
            label = lines[n - 2] if n >= 2 and not lines[n - 1].strip() else lines[n - 1]
            assert re.fullmatch(rf"\(ch-{re.escape(chapter.stem)}-[a-z0-9_-]+\)=", label), (
                f"line {n + 1}: section {line!r} needs a label (ch-{chapter.stem}-<section>)= "
                "right above it"
            )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_typed_digits_in_prose(chapter):
    offending = []
    for n, line in _lines(chapter):
        rest = ALLOWED_PHRASES.sub(" ", _strip_markup(line))
        if re.search(r"\d", rest):  # \d also matches full-width and other Unicode digits
            offending.append(f"line {n}: {line.strip()}")
    assert not offending, "digits outside roles, backticks and the allowed phrases:\n" + "\n".join(
        offending
    )


def _target(content: str) -> str:
    """The record id of a role: `id` or `words <id>`."""
    m = EXPLICIT_TITLE.match(content.strip())
    return (m["target"] if m else content).strip()


def test_every_event_role_names_a_recorded_event():
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as fh:
        ids = {row["event_id"] for row in csv.DictReader(fh)}
    unknown = [
        f"{path.name}:{n}: {eid}" for path, n, eid in _roles("event") if _target(eid) not in ids
    ]
    assert not unknown, "unknown event ids:\n" + "\n".join(unknown)


def test_every_fact_role_names_a_recorded_fact():
    with (ROOT / "data" / "facts.csv").open(encoding="utf-8", newline="") as fh:
        ids = {row["fact_id"] for row in csv.DictReader(fh)}
    used = list(_roles("fact"))
    unknown = [f"{path.name}:{n}: {fid}" for path, n, fid in used if fid.strip() not in ids]
    assert used and not unknown, "unknown fact ids:\n" + "\n".join(unknown)


def _unknown_numbers(refs) -> list[str]:
    from ca911.book.records import number_text
    from ca911.data.package import load

    pkg = load(validate=False)
    tables = {r["name"]: pkg[r["name"]] for r in pkg.descriptor["resources"]}
    problems = []
    for where, ref in refs:
        try:
            number_text(tables, pkg.descriptor, ref.strip())
        except KeyError as err:
            problems.append(f"{where}: {err.args[0]}")
    return problems


def test_every_number_role_names_a_number_of_a_record():
    refs = [(f"{path.name}:{n}", ref) for path, n, ref in _roles("number")]
    assert refs, "no {number} role in the chapters"
    assert not _unknown_numbers(refs)
    broken = [
        ("x", "indicators:KAZ/border_length_with_russia/1999"),
        ("y", "deployments:rus-tjk-2001/tanks"),
        ("z", "indicators:KAZ/border_length_with_russia"),
    ]  # wrong date, no column, a key too short
    assert len(_unknown_numbers(broken)) == 3


def test_every_glue_role_names_a_glued_value():
    every = {nb.resolve(): _glued_names(nb) for nb in NOTEBOOKS}
    problems = []
    for name in ("glue", "glue:text", "glue:any", "glue:md"):
        for path, n, content in _roles(name):
            if "::" in content:
                doc, rest = content.split("::", 1)
                key = rest.split(":", 1)[0]
                notebook = (path.parent / doc).resolve()
                if notebook not in every:
                    problems.append(f"{path.name}:{n}: {doc} is not a notebook in notebooks/")
                    continue
                candidates = every[notebook]
            else:  # a bare key must still be glued somewhere (the build then looks in this page)
                key = content.split(":", 1)[0]
                candidates = [p for names in every.values() for p in names]
            if not any(p.match(key) for p in candidates):
                problems.append(f"{path.name}:{n}: glue name {key!r} is glued by no notebook")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_cites_a_figure_that_exists(chapter):
    # named by a {glue:figure} directive (`:name:`) or in a plotting cell's `mystnb: figure:`
    # metadata (`name:`)
    figures = {
        m
        for nb in NOTEBOOKS
        for m in re.findall(
            r"^(?::name:|\s+name:) (fig-[\w-]+)", nb.read_text(encoding="utf-8"), re.M
        )
    }
    cited = [
        re.sub(r"^.*<|>$", "", c).strip() for path, _, c in _roles("numref") if path == chapter
    ]
    cited_figures = [c for c in cited if c.startswith("fig-")]
    assert cited_figures, f"{chapter.name} cites no figure with {{numref}}"
    missing = sorted(set(cited_figures) - figures)
    assert not missing, f"{chapter.name} cites figures no notebook names: {missing}"


@pytest.fixture(scope="module")
def source_texts() -> dict[str, str]:
    return {ch: read_chapter(ch).text for ch in chapter_ids()}


def copied_lines(lines: list[tuple[int, str]], source_texts: dict[str, str]) -> list[str]:
    """Each line that shares a run of OVERLAP_CHARS with a chapter, as written or without its
    markup, with the run and the chapter."""
    copied = []
    for n, line in lines:
        hit = next(
            (
                (run, ch)
                for variant in (line, _strip_markup(line))
                for ch, text in source_texts.items()
                if (run := copied_run(variant, text, n=OVERLAP_CHARS))
            ),
            None,
        )
        if hit:
            copied.append(f"line {n} shares {hit[0]!r} with {hit[1]}: {line.strip()}")
    return copied


@needs_sources
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_sentence_shares_a_long_run_with_the_source_chapters(chapter, source_texts):
    copied = copied_lines(_lines(chapter), source_texts)
    assert not copied, "sentences too close to the source chapters:\n" + "\n".join(copied)


@needs_sources
def test_a_line_quoting_a_chapter_at_length_is_caught(source_texts):
    """On the real chapters: a stretch of chapter 4 inside a role's markup is found."""
    stretch = normalise(source_texts["ch4"])[500:530]
    planted = [(1, "Our summary."), (2, f"As printed: {{term}}`{stretch}`.")]
    assert copied_lines(planted, source_texts) == [
        f"line 2 shares {stretch[:OVERLAP_CHARS]!r} with ch4: {planted[1][1]}"
    ]


@needs_sources
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_quotations_are_short_verbatim_and_located(chapter):
    problems = []
    for n, line in _lines(chapter):
        for m in QUOTE.finditer(line):
            quote = m.group(1)
            # its locator after it, or beside it in one parenthesis:
            # "gold mine" (「金鉱」, `ch3 §2 ¶19`)
            after = re.match(r"\s*(?:\(|,\s*)`(ch[34] §[^`]+)`", line[m.end() :])
            if len(quote) > QUOTE_MAX_CHARS:
                problems.append(
                    f"line {n}: quotation 「{quote}」 is longer than {QUOTE_MAX_CHARS} characters"
                )
            if not after:
                problems.append(
                    f"line {n}: quotation 「{quote}」 is not followed by its locator, "
                    "e.g. (`ch4 §2 ¶3`)"
                )
                continue
            try:
                passage = resolve(after.group(1))
            except (KeyError, ValueError) as exc:
                problems.append(f"line {n}: {exc}")
                continue
            if normalise(quote) not in normalise(passage):
                problems.append(f"line {n}: 「{quote}」 is not in the passage {after.group(1)}")
    assert not problems, "\n".join(problems)


def _sentences(path: Path) -> list[tuple[int, str]]:
    return [(n, s) for n, line in _lines(path) for s in SENTENCE_END.split(line.strip()) if s]


@pytest.fixture(scope="module")
def package():
    from ca911.data.package import load

    return load(validate=False)


def repeated_dates(sentence: str, events) -> list[str]:
    """Dates that `{event}` roles would render more than once in one sentence ("about" does not make
    a new date)."""
    from ca911.book.records import event_date_text

    dates = [
        event_date_text(events.loc[c.strip()].to_dict()).removeprefix("about ")
        for name, c in ((m["name"], m["content"]) for m in ROLE.finditer(sentence))
        if name == "event" and not EXPLICIT_TITLE.match(c.strip()) and c.strip() in events.index
    ]
    return sorted({d for d in dates if dates.count(d) > 1})


def test_a_sentence_that_repeats_a_date_is_caught(package):
    events = package.events.set_index("event_id")
    broken = (
        "Tajik and Uzbek spokesmen denied basing plans "
        "({event}`ch3-2001-09-20-tjk-denies-base-use-plans`, "
        "{event}`ch3-2001-09-20-uzb-denies-base-use-plans`)."
    )
    assert repeated_dates(broken, events) == ["20 September 2001"]
    mended = (
        "{event}`Tajik <ch3-2001-09-20-tjk-denies-base-use-plans>` and Uzbek spokesmen denied "
        "basing plans on "
        "{event}`ch3-2001-09-20-uzb-denies-base-use-plans`."
    )
    assert repeated_dates(mended, events) == []
    approximate_twin = (
        "Putin stayed in Sochi ({event}`ch3-2001-09-17-putin-sochi-consultations`) while Rushailo "
        "toured "
        "the region ({event}`ch3-2001-09-17-rushailo-tour-central-asia`)."
    )
    assert repeated_dates(approximate_twin, events) == ["17–24 September 2001"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_sentence_shows_the_same_date_twice(chapter, package):
    events = package.events.set_index("event_id")
    twice = [
        f"line {n}: {', '.join(d)}: {s}"
        for n, s in _sentences(chapter)
        if (d := repeated_dates(s, events))
    ]
    assert not twice, (
        "sentences that render a date twice (link the second record with `words <id>`):\n"
        + "\n".join(twice)
    )


# The rule and its word lists live in tests/support/firmness.py, shared with the check on the
# rendered pages.


def cited_modalities(sentence: str, package) -> dict[str, str]:
    """What a sentence cites (fact ids, sentence or paragraph locators) → how the chapter holds
    it."""
    facts = package.facts.set_index("fact_id")["modality"].astype(str)
    # a paragraph's facts include those the chapter states in its notes (`ch4 §3.1 ¶1 n.5`)
    paragraph = package.facts["locator"].astype(str).str.replace(r" n\.\d+$", "", regex=True)
    by_locator = package.facts.groupby(paragraph)["modality"].agg(lambda s: set(s.astype(str)))
    by_sentence = package.sentences.set_index("locator")["modality"].astype(str)
    cited = {}
    events = event_modalities(package)
    for m in ROLE.finditer(sentence):
        target = _target(m["content"])
        if m["name"] == "fact" and target in facts.index:
            cited[target] = facts[target]
        elif m["name"] == "event" and target in events:
            cited[target] = events[target]
    for loc in re.findall(r"(?<![{\w])`(ch[34] §[^`]+)`", ROLE.sub(" ", sentence)):
        if loc in by_sentence.index:
            cited[loc] = by_sentence[loc]
        elif loc in by_locator.index:  # a paragraph cites the facts recorded at it
            firm = sorted(by_locator[loc] & set(FIRMNESS))
            cited[loc] = firm[0] if firm else "asserted"
    return cited


def firmness_problems(sentence: str, package) -> list[str]:
    # a role's own words (`the day <id>`) are the reader's words too; ids and locators are not
    text = ROLE.sub(
        lambda m: " " + m["content"].split("<")[0] if "<" in m["content"] else " ", sentence
    )
    text = BACKTICKED.sub(" ", text)
    soft = {k: v for k, v in cited_modalities(sentence, package).items() if v in FIRMNESS}
    return (
        [f"{k} is {v}" for k, v in soft.items()]
        if soft and not HEDGED_OR_ATTRIBUTED.search(text)
        else []
    )


def test_a_sentence_firmer_than_its_source_is_caught(package):
    broken = (
        "The United States pursued wider, long-term goals "
        "({fact}`ch3-fact-us-seen-pursuing-wider-long-term-goals`)."
    )
    assert firmness_problems(broken, package) == [
        "ch3-fact-us-seen-pursuing-wider-long-term-goals is reported_view"
    ]
    assert firmness_problems("Putin overrode the opposition (`ch3 §intro ¶1 s.5`).", package) == [
        "ch3 §intro ¶1 s.5 is hedged"
    ]
    mended = (
        "The United States was seen as pursuing wider goals "
        "({fact}`ch3-fact-us-seen-pursuing-wider-long-term-goals`)."
    )
    assert firmness_problems(mended, package) == []
    soft_events = event_modalities(package)
    event, modality = next(iter(sorted(soft_events.items())))
    assert firmness_problems(f"It happened ({{event}}`{event}`).", package) == [
        f"{event} is {modality}"
    ]
    assert (
        firmness_problems(
            f"It happened, the chapter reports ({{event}}`the day <{event}>`).", package
        )
        == []
    )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_hedged_and_reported_facts_are_cited_as_such(chapter, package):
    problems = [
        f"line {n}: {'; '.join(p)}: {s}"
        for n, s in _sentences(chapter)
        if (p := firmness_problems(s, package))
    ]
    assert not problems, (
        "sentences citing a hedged fact or a reported view without a hedge or an attribution "
        "(see HEDGE_WORDS, ATTRIBUTION_WORDS in tests/support/firmness.py):\n" + "\n".join(problems)
    )
