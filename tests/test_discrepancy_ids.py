"""The register's introduction (methods/discrepancies.md) says how its ids are numbered: chapter
3's first entries d01–d40, chapter 4's d50–d72, later ones from d80 on, d41–d49 and d73–d79 never
used. The data must keep to that, so the sentence stays true."""

from __future__ import annotations

from support.project import ROOT, read_rows


def test_register_ids_keep_the_numbering_the_introduction_states():
    _, rows = read_rows(ROOT / "data" / "discrepancies.csv")
    numbers = {int(r["discrepancy_id"].removeprefix("d")): r["source_id"] for r in rows}
    assert {n for n in numbers if 1 <= n <= 40} == set(range(1, 41))
    assert {numbers[n] for n in range(1, 41)} == {"ch3"}
    assert {n for n in numbers if 50 <= n <= 72} == set(range(50, 73))
    assert {numbers[n] for n in range(50, 73)} == {"ch4"}
    assert not [n for n in numbers if 41 <= n <= 49 or 73 <= n <= 79 or n < 1]
    page = (ROOT / "methods" / "discrepancies.md").read_text(encoding="utf-8")
    assert "d41–d49, d73–d79" in page and "from d80 on" in page


def register_problems(page_html: str, ids: list[str]) -> list[str]:
    """What is wrong with a rendered register: an entry id with no anchor (`disc-<id>`) or not shown
    on the page, or two entries told one by one whose reasons differ only in a number (such entries
    belong in one table under one explanation)."""
    import re

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    anchors = {t["id"] for t in soup.find_all(id=True)}
    text = soup.get_text(" ")
    problems = [f"{i}: no anchor" for i in ids if f"disc-{i}" not in anchors]
    problems += [f"{i}: not shown" for i in ids if not re.search(rf"\b{i}\b", text)]
    reasons: dict[str, int] = {}
    for item in soup.select("li"):
        said = " ".join(item.get_text(" ").split())
        if said.startswith(("Why:", "理由：")):
            masked = re.sub(r"\d+", "N", said)
            reasons[masked] = reasons.get(masked, 0) + 1
    problems += [
        f"{n} entries told apart with one reason: {r[:80]}"
        for r in reasons
        if (n := reasons[r]) > 2
    ]
    return problems


def test_the_register_keeps_every_id_and_tells_alike_entries_once(built_book):
    """Both editions' rendered register: every entry keeps its anchor and shows its id, and entries
    that differ only in their note (31 notes whose text the source file lacks) are one table under
    one explanation, not 31 near-identical entries."""
    from support.project import HTML

    _, rows = read_rows(ROOT / "data" / "discrepancies.csv")
    ids = [r["discrepancy_id"] for r in rows]
    for edition in ("", "ja/"):
        page = (HTML / edition / "methods" / "discrepancies.html").read_text(encoding="utf-8")
        assert register_problems(page, ids) == [], edition
    # broken copies: an entry's anchor gone, and three entries told apart with one reason
    broken = page.replace('id="disc-d11"', 'id="elsewhere"', 1)
    assert register_problems(broken, ids) == ["d11: no anchor"]
    alike = "".join(f"<ul><li><p>理由： 注{n}の記号しかない</p></li></ul>" for n in (1, 2, 3))
    assert len(register_problems(page.replace("</main>", alike + "</main>"), ids)) == 1
