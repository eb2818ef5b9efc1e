"""The dash checker of tests/support/dashes.py on a small WeasyPrint PDF: a dash set in a Latin face
is found, the same text with the Japanese dash face passes."""

from __future__ import annotations

from support.dashes import DASH, pdf_dash_fonts, pdf_dash_problems


def _pdf(tmp_path, css: str):
    import weasyprint

    from ca911.book.sphinx.fonts import FONT_FILE

    html = (
        "<style>@font-face { font-family: 'ca911 Japanese dashes'; "
        f"src: url('{FONT_FILE.as_uri()}'); "
        f"unicode-range: U+2015; }} {css}</style>"
        f"<p>カザフスタン、ウズベキスタンの対外政策{DASH * 2}9.11事件後</p>"
        f"<pre>title: 対外政策{DASH * 2}9.11</pre>"
    )
    path = tmp_path / "dash.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    return path


def test_the_pdf_check_finds_a_dash_in_a_latin_face(tmp_path):
    broken = _pdf(tmp_path, "p, pre { font-family: 'DejaVu Sans', 'IPAexGothic'; }")
    assert len(pdf_dash_fonts(broken)) == 4 and pdf_dash_problems(broken)
    fixed = _pdf(
        tmp_path, "p, pre { font-family: 'ca911 Japanese dashes', 'DejaVu Sans', 'IPAexGothic'; }"
    )
    assert pdf_dash_problems(fixed) == []
