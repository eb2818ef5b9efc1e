"""The checkers of tests/support/numbering.py fail on small broken pages and pass good ones."""

from __future__ import annotations

from support.numbering import (
    caption_problems,
    numbers_given_twice,
    page_numbering,
    unmentioned_floats,
)


def table(caption: str) -> str:
    return f"<table><caption>{caption}</caption><tr><td>x</td></tr></table>"


def figure(caption: str) -> str:
    return f'<figure><img src="x.svg" alt="x"><figcaption><p>{caption}</p></figcaption></figure>'


def page(*items: str) -> str:
    return "<html><body><main><article>" + "".join(items) + "</article></main></body></html>"


TOC = {
    "root": "index",
    "parts": [
        {"caption": "Front matter", "chapters": [{"file": "front/sources"}]},
        {"caption": "Part I", "numbered": True, "chapters": [{"file": "notebooks/table1"}]},
        {
            "caption": "Appendices",
            "chapters": [
                {"file": "appendices/chronology"},
                {
                    "file": "appendices/actors",
                    "sections": [{"glob": "_generated/actors/*"}, {"file": "appendices/one_actor"}],
                },
            ],
        },
    ],
}


def test_page_numbering_follows_the_parts():
    assert page_numbering(TOC) == {
        "index": "none",
        "front/sources": "none",
        "notebooks/table1": "chapter",
        "appendices/chronology": "appendix",
        "appendices/actors": "appendix",
        "appendices/one_actor": "none",
    }


def test_the_defects_as_built_are_found():
    # the list of sources numbered "Table 1" beside chapter 4's Table 1; an appendix table in the
    # unprefixed sequence; an actor page's "Fig. 30"; a figure with no caption
    assert caption_problems(page(table("Table 1 The two source chapters.")), "none")
    assert caption_problems(page(table("Table 17 States: English and Japanese names.")), "appendix")
    assert caption_problems(page(figure("Fig. 30 Kazakhstan's records by year.")), "none")
    assert caption_problems(page(figure("")), "chapter") == ["figure without a caption: ''"]
    assert caption_problems(page(table("Table 6.1")), "chapter") == [
        "table without a caption: 'Table 6.1'"
    ]
    assert caption_problems(page(table("Table A.1 Kinds of record.")), "chapter")
    # the Japanese edition's appendix tables captioned but not lettered (国家：日本語名と英語名。)
    assert caption_problems(page(table("国家：日本語名と英語名。")), "appendix")
    assert caption_problems(page(table("表 C.1 国家：日本語名と英語名。")), "appendix") == []
    assert caption_problems(page(figure("図 6.1 コード。")), "chapter") == []


def test_good_pages_pass():
    assert (
        caption_problems(
            page(table("Table 6.1 Table 1 of chapter 4 as printed."), figure("Fig. 6.1 Codes.")),
            "chapter",
        )
        == []
    )
    assert (
        caption_problems(
            page(table("Table C.2 Organizations: English and Japanese names.")), "appendix"
        )
        == []
    )
    assert caption_problems(page(figure("Kazakhstan's records by year.")), "none") == []


def test_a_number_given_twice_is_found():
    pages = {
        "front/sources.html": page(table("Table 1 The two source chapters.")),
        "appendices/glossary.html": page(table("Table 1 States."), table("Table 2 People.")),
        "notebooks/table1.html": page(table("Table 6.1 Table 1 of chapter 4.")),
    }
    assert numbers_given_twice(pages) == ["Table 1: front/sources.html, appendices/glossary.html"]
    del pages["front/sources.html"]
    assert numbers_given_twice(pages) == []


def named_table(number: str, name: str) -> str:
    return (
        f'<table id="{name}"><caption><span class="caption-number">{number} </span>'
        f'<span class="caption-text">Members.</span><a class="headerlink" href="#{name}">#</a>'
        "</caption><tr><td>x</td></tr></table>"
    )


def test_a_float_named_only_by_its_own_caption_or_another_is_unmentioned():
    lone = page(
        "<p>The members:</p>",
        named_table("Table 8.3", "tab-members"),
        '<figure id="fig-a"><img src="a.svg" alt="a"><figcaption><p>Fig. 8.1 From '
        '<a href="#tab-members">Table 8.3</a>.</p></figcaption></figure>',
    )
    assert unmentioned_floats({"notebooks/n.html": lone}) == [
        "notebooks/n.html: Fig. 8.1 (#fig-a)",
        "notebooks/n.html: Table 8.3 (#tab-members)",
    ]


def test_a_float_is_mentioned_by_a_sentence_of_its_own_page_only():
    here = page(
        '<p><a class="reference internal" href="#tab-members">Table 8.3</a> lists the members.</p>',
        named_table("Table 8.3", "tab-members"),
    )
    other = page(named_table("Table 8.4", "tab-other"))
    from_elsewhere = page('<p>See <a href="../notebooks/n2.html#tab-other">Table 8.4</a>.</p>')
    found = unmentioned_floats(
        {"notebooks/n.html": here, "chapters/c.html": from_elsewhere, "notebooks/n2.html": other}
    )
    # Table 8.4 is named only from chapters/c.html: its own page never names it
    assert found == ["notebooks/n2.html: Table 8.4 (#tab-other)"]
    named_there = page(
        '<p><a href="n2.html#tab-other">Table 8.4</a> sums them.</p>',
        named_table("Table 8.4", "tab-other"),
    )
    assert unmentioned_floats({"notebooks/n.html": here, "notebooks/n2.html": named_there}) == []
