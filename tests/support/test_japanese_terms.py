"""The one-term checker on synthetic pages and figures."""

from __future__ import annotations

from support.japanese_terms import figure_term_variants, page_term_variants


def test_an_avoided_word_or_column_head_is_named_with_its_term():
    broken = (
        "<html lang='ja'><body><p>同章での記載箇所を示す。</p>"
        "<table><tr><th>加盟国</th><th>所在</th></tr></table></body></html>"
    )
    found = page_term_variants(broken)
    assert (
        len(found) == 2 and "use 典拠箇所" in found[0] and found[1].startswith("column head 所在")
    )


def test_the_terms_and_whereabouts_in_prose_pass():
    fine = (
        "<html lang='ja'><body><p>外国軍とその所在。各エッジは典拠箇所をもつ。</p>"
        "<table><tr><th>典拠箇所</th></tr></table></body></html>"
    )
    assert page_term_variants(fine) == []


def test_a_figure_legend_with_an_avoided_word_is_found():
    svg = "<svg><g><!-- 傾斜 --><path d='M 0 0'/></g><g><!-- 協力 --></g></svg>"
    assert [f.split(" ")[0] for f in figure_term_variants(svg)] == ["傾斜"]
    assert figure_term_variants(svg.replace("傾斜", "引き寄せ")) == []


def test_a_signpost_named_two_ways_is_found_in_pages_and_figures():
    assert page_term_variants("<p>この文は道案内である。</p>")[0].startswith("道案内 (use 道標)")
    assert figure_term_variants("<svg><!-- 道しるべ --></svg>")[0].startswith("道しるべ (use 道標)")
