"""Self-tests of tests/support/japanese_forms.py on small pages, each broken in one way."""

from __future__ import annotations

from support import japanese_forms as forms


def page(body: str) -> str:
    return f'<html lang="ja"><body><main>{body}</main></body></html>'


def texts(body: str, quotations=frozenset()) -> list[str]:
    return forms.running_text(page(body), quotations)


def test_a_second_spelling_is_found_and_the_house_form_passes():
    broken = texts("<p>アメリカ軍がキルギスに入った。</p><p>米国は否定した。</p>")
    found = forms.variant_forms(broken)
    assert len(found) == 2
    assert any("米国" in f for f in found) and any("キルギス " in f for f in found)
    assert forms.variant_forms(texts("<p>アメリカとキルギスタンがタシケントで会った。</p>")) == []


def test_loanwords_without_their_long_vowel_are_found():
    found = forms.variant_forms(texts("<p>コンピュータのフォルダで実行する。</p>"))
    assert len(found) == 2
    assert forms.variant_forms(texts("<p>コンピューターのフォルダーで実行する。</p>")) == []


def test_a_count_of_states_without_its_counter_is_found():
    found = forms.variant_forms(texts("<p>プーチンは中央アジア5国の首脳と話した。</p>"))
    assert len(found) == 1 and "5国" in found[0]
    mended = "<p>プーチンは中央アジア5カ国の首脳と話した。国内と2国間の関係。</p>"
    assert forms.variant_forms(texts(mended)) == []


def test_one_term_per_thing_and_a_count_with_its_counter():
    broken = (
        "<p>表はHTML版にあり、全体の年表にも載る。部隊は30弱（2003年6月）。三か国を符号化した。</p>"
    )
    found = forms.variant_forms(texts(broken))
    assert [f.split(" ")[0] for f in found] == ["三か国", "HTML版", "全体の年表", "符号化", "弱"]
    mended = (
        "<p>表はウェブ版にあり、総合年表にも載る。部隊は30人弱（2003年6月）。"
        "3カ国をコード化した。</p>"
    )
    assert forms.variant_forms(texts(mended)) == []


def test_quotations_keep_the_chapters_spelling():
    quoted = "<p>原著第4章は「タシュケント」と綴る。</p>"
    assert forms.variant_forms(texts(quoted)) == []
    title = "<p>原著第4章の題名はロシア、米国との関係である。</p>"
    assert forms.variant_forms(texts(title)) != []
    assert forms.variant_forms(texts(title, frozenset({"ロシア、米国との関係"}))) == []


def test_code_and_english_are_not_running_text():
    body = '<p>実行は<code>フォルダ</code>で。<span lang="en">米国</span></p>'
    assert forms.variant_forms(texts(body)) == []


def test_an_unnamed_author_is_found_and_a_named_one_passes():
    assert len(forms.author_words(texts("<p>筆者はそう見る。著者の推論である。</p>"))) == 2
    named = "<p>松井はそう見る。原著者の推論。著者名で引く。「筆者」は引用。</p>"
    assert forms.author_words(texts(named)) == []


def test_the_companions_footer_is_not_read():
    body = '<p>本文。</p><footer><p class="component-author">著者 ca911副読本チーム</p></footer>'
    assert forms.author_words(texts(body)) == []


def test_a_space_after_a_japanese_mark_is_found():
    found = forms.spaced_marks(
        texts("<p>二つの版の一つ。 議論は原典を引く、 そして「 語」 とする。</p>")
    )
    assert len(found) == 4
    assert (
        forms.spaced_marks(texts("<p>要約である。 · 原著第3章 §1</p><p>続く。次の文。</p>")) == []
    )


def test_a_range_set_with_a_dash_is_found_and_code_is_not_read():
    found = forms.dashed_ranges(
        texts("<p>基地を7–15年維持し、1992—2004年に加盟し、ISO 3166-1を使う。</p>")
    )
    assert len(found) == 2
    clean = "<p>基地を7～15年維持する（<code>ch3 §3.2 ¶6–7</code>、§5.1 ¶12–13）。9月11日。</p>"
    assert forms.dashed_ranges(texts(clean)) == []


def test_one_term_per_thing_in_our_own_prose():
    broken = (
        "<p>米軍の駐留に対する立場とスタンス。リポジトリに確認済みの表がある。"
        "集団安保条約の加盟国が有志連合への加盟を決め、別の国は有志連合に加盟した。</p>"
    )
    found = forms.variant_forms(texts(broken, frozenset({"有志連合"})))
    assert sorted(f.split(" ")[0] for f in found) == sorted(
        ["確認済み", "米軍", "スタンス", "リポジトリ", "集団安保条約"]
        + ["有志連合への加盟", "有志連合に加盟"]
    )
    mended = (
        "<p>アメリカ軍と欧米軍の駐留に対する立場。リポジトリーに点検済みの表がある。"
        "集団安全保障条約（CST）の加盟国が有志連合への参加を決めた。"
        "原著第3章は「米軍」「集団安保条約」と書く。</p>"
    )
    assert forms.variant_forms(texts(mended, frozenset({"有志連合"}))) == []


def test_a_latin_word_set_with_spaces_in_japanese_text_is_found():
    found = forms.latin_spacing(
        texts("<p>次の BibTeX の項目は、同じ <code>CITATION.cff</code> から作る。</p>")
    )
    assert len(found) == 4
    clean = (
        "<p>次のBibTeXの項目は、同じ<code>CITATION.cff</code>から作る（松井 n.d.）。"
        "表 C.1 国家。バージョン0.1.0。クリエイティブ・コモンズ 表示 4.0 国際。"
        "「Central Asia after 9/11 という題」</p>"
    )
    assert forms.latin_spacing(texts(clean)) == []
