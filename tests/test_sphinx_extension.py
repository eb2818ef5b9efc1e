"""The Sphinx extension on books of a few pages (sphinx.testing roots in tests/roots/): the record
roles and what a bad reference does to a strict build, the data read from the project being built
(not the working directory), a data edit reaching an incremental build, a parallel read, and the
print edition's transforms in a real PDF."""

from __future__ import annotations

import csv
import pickle
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from sphinx.errors import SphinxWarning

from ca911.book.records import event_date_text, number_text
from support.project import ROOT

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
BOLTON = "ch3-2001-09-16-bolton-visits-russia"
ALARM = "ch4-fact-russian-alarm-at-central-asian-drift"
BORDER = "indicators:KAZ/border_length_with_russia/2004"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def book(tmp_path: Path, root: str, with_data: bool = True) -> Path:
    """A copy of tests/roots/test-<root>, with a copy of the project's data package in its data/."""
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    if with_data:
        shutil.copytree(ROOT / "data", srcdir / "data")
    return srcdir


def html_text(app, page: str) -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def move_event(data_dir: Path, event_id: str, date: str) -> None:
    path = data_dir / "events.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    assert any(r["event_id"] == event_id for r in rows)
    for row in rows:
        if row["event_id"] == event_id:
            row["date"] = date
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def event_date(data_dir: Path, event_id: str) -> str:
    events = pd.read_csv(data_dir / "events.csv", dtype=str, keep_default_na=False).set_index(
        "event_id"
    )
    row = events.loc[event_id].to_dict()
    return event_date_text({**row, "approximate": row.get("approximate") == "true"})


# ------------------------------------------------------------------------------------------- roles


def test_the_roles_render_records_from_the_data_and_link_them(make_app, tmp_path):
    srcdir = book(tmp_path, "roles")
    app = make_app("html", srcdir=srcdir, warningiserror=True)
    app.build()
    page = html_text(app, "chapter")
    date = event_date(srcdir / "data", BOLTON)
    assert re.search(
        rf'<a class="reference internal" href="targets.html#ev-{BOLTON}">'
        rf'<span class="std std-ref">{date}</span></a>',
        page,
    ), page
    assert re.search(
        rf'href="targets.html#ev-{BOLTON}"><span class="std std-ref">visit</span></a>', page
    ), "a title links the words"
    facts = pd.read_csv(srcdir / "data" / "facts.csv", dtype=str).set_index("fact_id")
    linked = re.search(  # the locator stays the one locator node inside its link
        rf'href="targets.html#fact-{ALARM}"><code class="ca911-locator[^"]*">(.*?)</code></a>', page
    )
    assert linked and re.sub(r"<[^>]+>", "", linked[1]) == facts.loc[ALARM, "locator"], page
    from ca911.data.package import load

    package = load(srcdir / "data", validate=False)
    tables = {r["name"]: package[r["name"]] for r in package.descriptor["resources"]}
    assert (
        f'<span class="ca911-number">{number_text(tables, package.descriptor, BORDER)}</span>'
        in page
    )


def test_the_roles_write_the_japanese_edition_in_japanese(make_app, tmp_path):
    """With Sphinx's `language = "ja"` the same markup gives the date and the number in Japanese,
    and a counter word in the role goes inside the qualifier (1,500人以上, not 1,500以上人)."""
    srcdir = book(tmp_path, "roles")
    with (srcdir / "chapter.md").open("a", encoding="utf-8") as chapter:
        chapter.write(
            "\nAt Khanabad: {number}`人 <deployments:usa-karshi-khanabad-2002-01/personnel>`.\n"
        )
    app = make_app("html", srcdir=srcdir, warningiserror=True, confoverrides={"language": "ja"})
    app.build()
    page = html_text(app, "chapter")
    events = pd.read_csv(srcdir / "data" / "events.csv", dtype=str).set_index("event_id")
    row = {
        **events.loc[BOLTON].to_dict(),
        "approximate": events.loc[BOLTON, "approximate"] == "true",
    }
    date = event_date_text(row, "ja")
    assert re.fullmatch(r"\d{4}年(\d{1,2}月(\d{1,2}日)?)?(ごろ)?", date), date
    assert f'<span class="std std-ref">{date}</span>' in page, page
    from ca911.data.package import load

    package = load(srcdir / "data", validate=False)
    tables = {r["name"]: package[r["name"]] for r in package.descriptor["resources"]}
    border = number_text(tables, package.descriptor, BORDER, lang="ja")
    assert border.startswith("約") and f'<span class="ca911-number">{border}</span>' in page
    troops = number_text(
        tables, package.descriptor, "deployments:usa-karshi-khanabad-2002-01/personnel", "ja", "人"
    )
    assert troops == "約2,000人" and f'<span class="ca911-number">{troops}</span>' in page
    english = number_text(tables, package.descriptor, BORDER)
    assert english not in page and not re.search(r"about|September", page)


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        (
            "{event}`ch3-1900-01-01-nothing`",
            "unknown event id 'ch3-1900-01-01-nothing' (not in data/events.csv)",
        ),
        (
            "{fact}`ch4-fact-no-such-fact`",
            "unknown fact id 'ch4-fact-no-such-fact' (not in data/facts.csv)",
        ),
        (
            "{number}`indicators:KAZ/no_such_indicator/2004`",
            "unknown number 'indicators:KAZ/no_such_indicator/2004': no record",
        ),
        (
            "{number}`no_such_table:KAZ`",
            "unknown number 'no_such_table:KAZ': no table 'no_such_table' in data/datapackage.json",
        ),
    ],
)
def test_a_bad_reference_fails_a_strict_build_naming_what_is_missing(
    make_app, tmp_path, markup, message
):
    srcdir = book(tmp_path, "roles")
    (srcdir / "chapter.md").write_text(
        f"# A chapter\n\nA sentence citing {markup}.\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir, warningiserror=True)
    with pytest.raises(SphinxWarning) as err:
        app.build()
    assert "chapter.md:3" in str(err.value) and message in str(err.value), str(err.value)


def test_the_data_comes_from_the_project_built_not_the_working_directory(
    make_app, tmp_path, monkeypatch
):
    """The copy's data moves an event; the build runs from this checkout's root, whose data/ has the
    old date."""
    srcdir = book(tmp_path, "roles")
    move_event(srcdir / "data", BOLTON, "2001-12-31")
    assert event_date(ROOT / "data", BOLTON) != event_date(srcdir / "data", BOLTON)
    monkeypatch.chdir(ROOT)
    app = make_app("html", srcdir=srcdir, warningiserror=True)
    app.build()
    page = html_text(app, "chapter")
    assert (
        event_date(srcdir / "data", BOLTON) in page
        and event_date(ROOT / "data", BOLTON) not in page
    )


def test_a_configured_data_folder_is_read_relative_to_the_project(make_app, tmp_path, monkeypatch):
    srcdir = book(tmp_path, "roles", with_data=False)
    shutil.copytree(ROOT / "data", srcdir / "records")
    move_event(srcdir / "records", BOLTON, "2001-11")
    monkeypatch.chdir(tmp_path)
    app = make_app(
        "html",
        srcdir=srcdir,
        warningiserror=True,
        confoverrides={"ca911_data_dir": "records", "exclude_patterns": ["records"]},
    )
    app.build()
    assert event_date(srcdir / "records", BOLTON) in html_text(app, "chapter")


def test_a_data_edit_reaches_the_prose_in_an_incremental_build(make_app, tmp_path):
    """Build, move an event in events.csv, build again with the same environment: the page shows the
    new date (Sphinx re-reads only edited pages; the extension makes a data edit re-read every
    page)."""
    srcdir = book(tmp_path, "roles")
    first = make_app("html", srcdir=srcdir, warningiserror=True)
    first.build()
    first.cleanup()  # docutils' node registry is global: the next app registers the nodes anew
    old = event_date(srcdir / "data", BOLTON)
    assert old in html_text(first, "chapter")
    move_event(srcdir / "data", BOLTON, "2001-12-31")
    second = make_app("html", srcdir=srcdir, warningiserror=True, freshenv=False)
    second.build()
    page = html_text(second, "chapter")
    assert event_date(srcdir / "data", BOLTON) in page and old not in page


def pandas_objects(value, seen=None) -> list[str]:
    """Paths to every pandas object reachable from `value` through dicts, lists, tuples, sets and
    attributes."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | type(None)):
        return []
    seen.add(id(value))
    if isinstance(value, pd.DataFrame | pd.Series | pd.Index):
        return [type(value).__name__]
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list | tuple | set | frozenset)
        else vars(value).items()
        if hasattr(value, "__dict__") and type(value).__module__.startswith(("sphinx", "ca911"))
        else ()
    )
    return [f"{key}.{path}" for key, child in children for path in pandas_objects(child, seen)]


def test_a_parallel_read_builds_the_same_pages_and_pickles_no_tables(
    make_app, tmp_path, monkeypatch
):
    """`-j 2` (the extension declares its read parallel-safe): the same HTML as a serial build, no
    warning, and the saved environment carries no table of the data package."""
    from sphinx.builders import Builder

    parallel_reads = []
    read_parallel = Builder._read_parallel

    def spy(self, docnames, nproc):
        parallel_reads.append(nproc)
        return read_parallel(self, docnames, nproc)

    monkeypatch.setattr(Builder, "_read_parallel", spy)
    pages = {
        f"page{n}": f"# Page {n}\n\nOn {{event}}`{BOLTON}` and {{fact}}`{ALARM}`: "
        f"{{number}}`{BORDER}`.\n"
        for n in range(8)
    }
    built = {}
    for jobs in (1, 2):
        srcdir = book(tmp_path / f"j{jobs}", "roles")
        for name, text in pages.items():
            (srcdir / f"{name}.md").write_text(text, encoding="utf-8")
        index = (
            (srcdir / "index.md")
            .read_text(encoding="utf-8")
            .replace("targets\n", "targets\n" + "\n".join(pages) + "\n")
        )
        (srcdir / "index.md").write_text(index, encoding="utf-8")
        app = make_app("html", srcdir=srcdir, warningiserror=True, parallel=jobs)
        app.build()
        assert parallel_reads == ([2] if jobs == 2 else []), "the sources were not read in parallel"
        built[jobs] = {name: html_text(app, name) for name in pages}
        env_pickle = Path(app.doctreedir) / "environment.pickle"
        with env_pickle.open("rb") as fh:
            assert pandas_objects(vars(pickle.load(fh))) == []
        app.cleanup()  # docutils' node registry is global: the next app registers the nodes anew
    assert built[1] == built[2]


def test_pandas_objects_finds_a_frame_kept_on_an_environment():
    class Holder:  # stands for an environment that keeps a table
        __module__ = "sphinx.environment"

    holder = Holder()
    holder.ca911_events = ("digest", pd.DataFrame({"a": [1]}))
    assert pandas_objects(vars(holder)) == ["ca911_events.1.DataFrame"]


# ------------------------------------------------------------------------------------ print edition


def pdf_text(path: Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


@pytest.mark.slow
def test_the_print_transforms_run_for_the_pdf_only(make_app, tmp_path):
    """The same page in both editions: the PDF names the download, leaves out the notebook's code
    and sends the reference to an actor's page to its index entry; the HTML links the download,
    keeps the code and links the page."""
    pdf = make_app(
        "simplepdf", srcdir=book(tmp_path / "pdf", "print", with_data=False), warningiserror=True
    )
    pdf.build()
    pdf.cleanup()  # docutils' node registry is global: the next app registers the nodes anew
    text = " ".join(pdf_text(Path(pdf.outdir) / "print.pdf").split())
    assert (
        "code-the-print-edition-leaves-out" not in text and "output-the-print-edition-keeps" in text
    )
    assert "Download the table here." in text
    printed = (Path(pdf.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        re.search(r'href="#idx-actor-kaz(-heading)?"', printed)
        and 'href="#actor-kaz"' not in printed
    )
    assert "reference download" not in printed

    html = make_app(
        "html", srcdir=book(tmp_path / "html", "print", with_data=False), warningiserror=True
    )
    html.build()
    page = html_text(html, "index")
    assert (
        "code-the-print-edition-leaves-out" in html_text(html, "notebook")
        and 'href="#actor-kaz"' in page
    )
    assert re.search(
        r'<a class="reference download internal" download="" '
        r'href="_downloads/[0-9a-f]+/table.csv">',
        page,
    )


@pytest.mark.slow
def test_an_edited_page_is_all_the_print_build_reads_again(make_app, tmp_path):
    """The print edition's configuration is the same in every build: an edit re-reads that page
    only."""
    srcdir = book(tmp_path, "print", with_data=False)
    first = make_app("simplepdf", srcdir=srcdir, warningiserror=True)
    first.build()
    first.cleanup()  # docutils' node registry is global: the next app registers the nodes anew
    (srcdir / "index.md").write_text(
        (srcdir / "index.md").read_text(encoding="utf-8").replace("here.", "here, edited."),
        encoding="utf-8",
    )
    second = make_app("simplepdf", srcdir=srcdir, warningiserror=True, freshenv=False)
    second.build()
    log = re.sub(r"\x1b\[[0-9;]*m", "", second._status.getvalue())
    assert "config changed" not in log
    assert re.search(r"updating environment: 0 added, 1 changed, 0 removed", log), log[-2000:]


def toc_without_actor_pages(toc: dict) -> dict:
    """_toc.yml's structure with every glob of the generated actor pages (and a `sections` list left
    empty) taken out."""

    def clean(node):
        if isinstance(node, dict):
            out = {k: clean(v) for k, v in node.items()}
            if "sections" in out:
                out["sections"] = [
                    s for s in out["sections"] if s.get("glob") != "_generated/actors/*"
                ]
                if not out["sections"]:
                    del out["sections"]
            return out
        return [clean(v) for v in node] if isinstance(node, list) else node

    return clean(toc)


def test_the_print_table_of_contents_is_the_html_one_without_the_actor_pages():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    print_toc = yaml.safe_load((ROOT / "_toc_print.yml").read_text(encoding="utf-8"))
    assert toc != print_toc, "the HTML edition lists the actor pages"
    assert print_toc == toc_without_actor_pages(toc)
    build_script = (ROOT / "ci" / "build-book.sh").read_text(encoding="utf-8")
    assert re.search(
        r"jupyter-book\" build .*--toc _toc_print\.yml .*--custom-builder simplepdf", build_script
    )


def test_toc_without_actor_pages_drops_only_the_glob():
    toc = {
        "root": "index",
        "parts": [
            {
                "chapters": [
                    {"file": "a", "sections": [{"glob": "_generated/actors/*"}]},
                    {"file": "b", "sections": [{"file": "c"}]},
                ]
            }
        ],
    }
    assert toc_without_actor_pages(toc) == {
        "root": "index",
        "parts": [{"chapters": [{"file": "a"}, {"file": "b", "sections": [{"file": "c"}]}]}],
    }
