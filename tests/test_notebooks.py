"""Notebooks: each runs by itself from a clean checkout, and each figure's data equals the
records."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from ca911.analysis import chronology
from ca911.book import analysis_tables
from ca911.data.package import load
from support.project import ROOT, read_notebook

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.md"))


@pytest.fixture(scope="module")
def pkg():
    return load()


def figure_problems(cells: list[dict]) -> list[str]:
    """Glued figures must carry SVG, and a figure appears only where it is glued or under a cell
    that captions it."""
    glued = {}
    for cell in cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued[name] = set(output.get("data", {}))
    problems = [
        f"{n}: no SVG"
        for n, mimes in glued.items()
        if n.startswith("fig-") and not any(m.endswith("image/svg+xml") for m in mimes)
    ]
    shown = [c for c in cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    problems += [
        f"stray figure under {''.join(c['source'])[:80]!r}"
        for c in shown
        if "figure" not in c.get("metadata", {}).get("mystnb", {})
    ]
    problems += [
        f"error in {''.join(c['source'])[:80]!r}"
        for c in cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    return problems


# The reader's command, `python -m ca911 run`, on one notebook (the quickest): every other notebook
# is executed the same way, in a fresh kernel from its own folder, by `make book` (python -m ca911
# execute), and the next test checks what that execution left in the cache, which is also the .ipynb
# a reader downloads.
@pytest.mark.slow
def test_the_run_command_executes_a_notebook_by_itself(tmp_path):
    notebook = ROOT / "notebooks" / "table1_iraq_war.md"
    out = tmp_path / f"{notebook.stem}.ipynb"
    proc = subprocess.run(
        [sys.executable, "-m", "ca911", "run", str(notebook), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    assert any(c.get("outputs") for c in cells) and figure_problems(cells) == []


@pytest.mark.book
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_ran_by_itself_in_the_build(notebook, built_book):
    import nbformat
    from jupyter_cache import get_cache

    from ca911.book.execution_hash import read_markdown

    cache = get_cache(str(built_book / ".jupyter_cache"))
    _, executed = cache.merge_match_into_notebook(
        read_markdown(notebook.read_text(encoding="utf-8"))
    )
    cells = json.loads(nbformat.writes(executed))["cells"]
    assert any(c.get("outputs") for c in cells), "the build executed it"
    assert figure_problems(cells) == []


def test_the_figure_check_fails_on_a_stray_figure_and_an_error():
    svg = {"output_type": "display_data", "data": {"image/svg+xml": "<svg/>"}, "metadata": {}}
    error = {"output_type": "error", "ename": "KeyError", "evalue": "x", "traceback": []}
    assert figure_problems([{"source": "plot()", "metadata": {}, "outputs": [svg, error]}]) != []
    assert (
        len(figure_problems([{"source": "plot()", "metadata": {}, "outputs": [svg, error]}])) == 2
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_states_question_and_data_and_captions_figures(notebook):
    cells = read_notebook(notebook).cells
    first_code = next(i for i, c in enumerate(cells) if c.cell_type == "code")
    before_code = "\n".join(c.source for c in cells[:first_code])
    assert "**Question.**" in before_code and "**Data.**" in before_code
    assert data_line_problems(before_code) == []
    body = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert re.search(r"^\(nb-[a-z0-9-]+\)=$", body, re.M), (
        "a label (nb-<file>-<section>)= before the title"
    )
    for block in re.findall(r"```\{glue:figure\}(.*?)```", body, re.S):
        name = re.search(r":name: (fig-[a-z0-9-]+)", block)
        alt = re.search(r":alt: (.+)", block)
        caption = [
            line for line in block.splitlines()[1:] if line.strip() and not line.startswith(":")
        ]
        assert name and alt and len(alt.group(1)) > 40 and caption, (
            f"figure without name, alt text or caption: {block[:80]}"
        )
        assert "Data:" in " ".join(caption), "the caption names the data it shows"
    for problem in cell_figure_problems(notebook):
        pytest.fail(problem)


def data_line_problems(opening: str) -> list[str]:
    """The **Data.** paragraph says what the data are in a reader's words; how the code loads them
    (a module path, a function call) belongs in the code cell."""
    line = next((ln for ln in opening.splitlines() if ln.startswith("**Data.**")), "")
    return [
        f"code in the Data paragraph: {m}"
        for m in re.findall(r"`?\b(?:ca911|data)\.\w+(?:\(\))?`?|\bthrough `[^`]+`", line)
    ]


def test_the_data_line_check_finds_a_code_path():
    assert (
        data_line_problems(
            "**Data.** `events.csv` and `actors.csv`, through `ca911.data.package.load`."
        )
        != []
    )
    assert (
        data_line_problems(
            "**Data.** The dated events and who took part (files `events.csv`, `actors.csv`)."
        )
        == []
    )


def cell_figure_problems(notebook) -> list[str]:
    """Figures captioned in their plotting cell's metadata (`mystnb: figure: {caption, name}, image:
    {alt}`) need a fig- name, a real alt text and a caption that names its data."""
    import jupytext

    problems = []
    for cell in jupytext.read(notebook).cells:
        meta = cell.metadata.get("mystnb", {})
        if "figure" not in meta:
            continue
        fig, alt = meta["figure"], meta.get("image", {}).get("alt", "")
        if (
            not str(fig.get("name", "")).startswith("fig-")
            or len(alt) <= 40
            or "Data:" not in fig.get("caption", "")
        ):
            problems.append(
                f"figure without name, alt text or a caption naming its data: {cell.source[:80]}"
            )
        if {"remove-cell", "remove-output"} & set(cell.metadata.get("tags", [])):
            problems.append(
                f"a captioned figure in a cell whose output is removed: {cell.source[:80]}"
            )
    return problems


def test_cell_figure_check_catches_a_missing_alt_text(tmp_path):
    good = next(nb for nb in NOTEBOOKS if "mystnb:" in nb.read_text(encoding="utf-8"))
    assert cell_figure_problems(good) == []
    broken = tmp_path / "broken.md"
    broken.write_text(
        good.read_text(encoding="utf-8").replace("    alt: ", "    alt_: ", 1), encoding="utf-8"
    )
    assert cell_figure_problems(broken)
    removed = tmp_path / "removed.md"
    removed.write_text(
        good.read_text(encoding="utf-8").replace(
            "tags: [hide-input]\n---", "tags: [remove-cell]\n---", 1
        ),
        encoding="utf-8",
    )
    assert any("removed" in p for p in cell_figure_problems(removed))


def _markdown_rows(block: str) -> list[list[str]]:
    """Body rows of a pipe table, or of a list-table (`* - first cell`, `  - next cell`)."""
    if "{list-table}" in block:
        rows = []
        for line in block.splitlines():
            if line.startswith("* - ") or line == "* -":
                rows.append([line[4:].strip()])
            elif line.startswith("  - ") and rows:
                rows[-1].append(line[4:].strip())
        return rows[1:]
    rows = [line for line in block.splitlines() if line.startswith("|")]
    return [[c.strip() for c in re.split(r"(?<!\\)\|", r)[1:-1]] for r in rows[2:]]


def test_table1_renders_the_csv_cell_for_cell(pkg):
    raw = pd.read_csv(ROOT / "data" / "iraq_war_responses.csv", dtype=str)
    dims = list(pkg.iraq_war_responses["dimension"].cat.categories)
    for lang in ("ja", "en"):
        expected = raw.pivot(index="dimension", columns="country_id", values=f"text_{lang}")
        block = analysis_tables.table1_markdown(pkg, lang, "caption", f"tab-test-{lang}")
        assert f":name: tab-test-{lang}" in block
        rows = _markdown_rows(block)
        assert len(rows) == len(dims) == 5
        for dim, row in zip(dims, rows):
            for country, cell in zip(["KAZ", "UZB"], row[1:]):
                text = re.sub(r"\{ref\}`[^`]*`", "", cell).strip()
                text = html.unescape(
                    re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
                )  # the cell's text as a reader sees it
                assert text == expected.loc[dim, country], (lang, dim, country)


def test_table1_links_point_at_chronology_entries(pkg):
    from ca911.book.records import chronology_markdown

    block = analysis_tables.table1_markdown(pkg, "ja", "caption", "tab-x")
    targets = set(re.findall(r"<(ev-[^>]+)>", block))
    labels = set(re.findall(r"^\((ev-[^)]+)\)=$", chronology_markdown(pkg), re.M))
    assert targets and targets <= labels


def test_table1_cells_and_its_list_of_events_share_one_numbering(pkg):
    """A reader on paper goes from a cell's [n] to the n-th event of the list: both give every event
    one number."""
    cells = analysis_tables.table1_markdown(pkg, "en", "caption", "tab-x")
    listed = analysis_tables.table1_evidence(pkg, "caption", "tab-y")
    in_cells = dict(re.findall(r"\{ref\}`\[(\d+)\] <ev-([^>]+)>`", cells))
    in_list = dict(
        re.findall(r"^\* - \[(\d+)\]\n  - \*\*\{ref\}`[^<`]+<ev-([^>]+)>`", listed, re.M)
    )
    assert in_cells and in_cells.items() <= in_list.items(), (in_cells, in_list)
    assert sorted(map(int, in_list)) == list(range(1, len(in_list) + 1))
    from ca911.analysis.chronology import in_date_order

    behind = pkg.events[pkg.events["event_id"].isin(in_list.values())]
    assert [in_list[str(n)] for n in range(1, len(in_list) + 1)] == list(
        in_date_order(behind)["event_id"]
    )


def test_pairs_in_words_names_each_pair_once():
    from itertools import combinations

    from ca911.book.network_wording import pairs_in_words

    clique = list(combinations(["EST", "GEO", "LVA"], 2))
    star = [("BLR", x) for x in ("ARM", "KAZ", "RUS")]
    words = pairs_in_words([*clique, *star, ("KAZ", "UZB")], str)
    assert words == "every two of EST, GEO and LVA; BLR with each of ARM, KAZ and RUS; KAZ and UZB"


def test_shared_membership_histories_keep_every_pair_once(pkg):
    from ca911.analysis.membership_network import projected_weights
    from ca911.book.network_wording import shared_membership_histories

    weights = projected_weights(pkg)
    histories = shared_membership_histories(weights, str)
    counted = sum(int(text.split(" pair")[0]) for text in histories["pairs of states"])
    assert counted == len(weights) and len(histories) == len(weights.drop_duplicates())
    assert histories.columns[0] == "pairs of states"  # the row's subject first, then its numbers


def test_heatmap_matrix_is_the_stances_carried_forward(pkg):
    states = ["RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB"]
    codes, evidenced, undated = chronology.stance_matrix(pkg, states)
    order = list(pkg.stances["stance"].cat.categories)
    st = pkg.stances[pkg.stances["date"].str.len() == 10]
    for state in states:
        rows = st[st["actor_id"] == state].sort_values("date")
        for day in codes.columns:
            before = rows[pd.to_datetime(rows["date"]) <= day]
            expected = order.index(str(before["stance"].iloc[-1])) if len(before) else 0
            assert codes.loc[state, day] == expected, (state, day)
            assert evidenced.loc[state, day] == (day.strftime("%Y-%m-%d") in set(rows["date"]))
    assert len(undated) == (pkg.stances["date"].str.len() < 10).sum()


def test_aid_bars_sum_to_the_recorded_total(pkg):
    parts, total = chronology.aid_by_recipient(pkg, "USA", 2002)
    assert total is not None and int(parts["amount_usd"].sum()) == total
    assert "regional" in set(parts["recipient_id"])


def test_every_deployment_appears_once_in_the_timeline(pkg):
    timeline = chronology.deployment_timeline(pkg)
    assert sorted(timeline["deployment_id"]) == sorted(pkg.deployments["deployment_id"])
    hedged = timeline[timeline["personnel_qualifier"] == "about"]
    assert all(label.startswith("about ") for label in hedged["personnel_label"])


@pytest.mark.parametrize(
    "n, q, expected",
    [
        (2000, "about", "about 2,000"),
        (30, "under", "just under 30"),
        (3200, "expected", "3,200 expected"),
        (None, "several", "several"),
        (100, "several", "several hundred"),
        (20, "several", "several × 20"),
        (None, None, "not given"),
        (1000, "exact", "1,000"),
    ],
)
def test_numbers_keep_their_qualifier(n, q, expected):
    from ca911.data.numbers import with_qualifier

    assert with_qualifier(n, q) == expected


def test_a_share_is_a_percentage_and_a_missing_number_reads_one_way():
    from ca911.data.numbers import NOT_GIVEN, with_qualifier

    assert with_qualifier(0.5, "nearly", share=True) == "nearly 50%"
    assert with_qualifier(None, "about") == NOT_GIVEN == "not given"


def test_memberships_merge_rows_of_both_chapters(pkg):
    spans = chronology.membership_spans(pkg)
    assert not spans.duplicated(["org_id", "member_id", "bar_start"]).any()
    uzb = spans[(spans["org_id"] == "CST") & (spans["member_id"] == "UZB")]
    assert len(uzb) == 1 and uzb["bar_end"].iloc[0] == pd.Timestamp("1999-04-30")


def test_empty_events_fail_loudly(pkg):
    empty = pkg.events.iloc[0:0]
    with pytest.raises(ValueError, match="no events"):
        chronology.require_rows(empty, "events in the chosen period")


FOLDED = {"hide-input", "remove-input", "remove-cell", "hide-cell"}


def unfolded_cells(nb) -> list[int]:
    """Code cells a reader would see open: every one is folded (hide-input) or removed, so pages
    look alike."""
    return [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and not FOLDED & set(c.metadata.get("tags", []))
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_is_folded_or_removed(notebook):
    assert unfolded_cells(read_notebook(notebook)) == []


def test_an_open_code_cell_is_reported():
    import jupytext

    nb = jupytext.reads(
        "```{code-cell} ipython3\nx = 1\n```\n\n```{code-cell} ipython3\n:tags: [hide-input]\ny = "
        "2\n```\n",
        fmt="md:myst",
    )
    assert unfolded_cells(nb) == [0]


def test_number_wording_is_per_language_and_refuses_one_it_has_no_words_for():
    from ca911.data.numbers import format_number, with_qualifier

    assert with_qualifier(2000, "about", lang="en") == "about 2,000"
    assert with_qualifier(2000, "about", lang="ja") == "約2,000"
    for call in (
        lambda: with_qualifier(2000, "about", lang="fr"),
        lambda: with_qualifier(None, None, lang="fr"),
        lambda: format_number(3, lang="fr"),
    ):
        with pytest.raises(NotImplementedError, match="'fr'"):
            call()


def test_the_full_chronology_and_the_chronology_tables_share_one_date_order(pkg):
    """Appendix A lists events in the order every chronology table uses: an event dated only to a
    year comes after that year's dated events (an entry saying what it followed is not printed
    before it), and a month after its days."""
    from ca911.analysis.chronology import chronology_table
    from ca911.book.records import chronology_markdown, label_of

    entries = re.findall(r"^\((ev-[^)]+)\)=$", chronology_markdown(pkg), re.M)
    by_label = dict(zip(pkg.events["event_id"].map(label_of), pkg.events["event_id"]))
    order = [by_label[e] for e in entries]
    assert order == list(chronology_table(pkg)["record id"])
    events = pkg.events.set_index("event_id")
    assert (events["date_precision"] == "year").any(), "no event dated only to a year"
    for earlier, later in zip(order, order[1:]):
        a, b = events.loc[earlier], events.loc[later]
        if a["date_precision"] == "year" and a["date"][:4] == b["date"][:4]:
            assert b["date_precision"] == "year", (earlier, later)
    # the year's events without a month are announced where they begin, after its dated ones
    markdown = chronology_markdown(pkg)
    note = markdown.index("Dated only to the year 2002")
    assert (
        markdown.index("(ev-ch3-2002-04-")
        < note
        < markdown.index("(ev-ch3-2002-ivanov-visits-kyrgyzstan-facilities-agreement)=")
    )
