"""Summaries that stand alone: a chronology entry (appendix A) or an undated fact (appendix B) is
read without the chapter's previous sentence, and an event's entry is printed after its own date.
Each class of lean the proof editor found fails on a broken example and passes on the fixed text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ca911.data.summary_rules import leaning_opening, leaning_pointer, repeated_date
from ca911.data.validation import validate_package
from support.project import ROOT, read_rows, write_rows

SUMMARY_RULES = ("summary-leans-on-context", "summary-repeats-its-date")


def summary_problems(data_dir: Path) -> list[str]:
    return [str(p) for p in validate_package(data_dir) if p.rule in SUMMARY_RULES]


# (text, lang, event date): an entry opening with its own date
REPEATED_DATES = [
    ("1991年以来ウズベキスタンはロシアと一線を画し、アメリカの支援を求めてきた。", "ja", "1991"),
    ("From 1991 Uzbekistan kept its distance from Russia.", "en", "1991"),
    ("1999年4月、グルジアは条約を延長せずに離脱した。", "ja", "1999-04"),
    ("At the April 1999 renewal deadline Georgia left the treaty.", "en", "1999-04"),
    ("In April 1999, Georgia left the treaty.", "en", "1999-04"),
    ("In September Karimov promised full support.", "en", "2001-09"),
    ("9月の時点でカリモフ大統領は全面的に支えると述べていた。", "ja", "2001-09"),
    ("10月に入っても否定的な発言をしていた。", "ja", "2001-10"),
    ("As of January 2002, about 2,000 US troops were in Uzbekistan.", "en", "2002-01"),
    ("2002年の春ごろから、ロシアは動き出した。", "ja", "2002"),
    ("2002年6月の演習の直後、イワノフ国防相がキルギスタンを訪れた。", "ja", "2002"),
    ("At the end of May 2003 Kazakhstan decided to send engineers.", "en", "2003-05"),
    ("On 11 September 2001 Nazarbayev sent a message.", "en", "2001-09-11"),
]

# the fixed wording, and dates that are anchors rather than repeats
OWN_WORDS = [
    ("ウズベキスタンはロシアと一線を画し、アメリカの支援を求める路線をとり始めた。", "ja", "1991"),
    ("Uzbekistan began to keep its distance from Russia and to seek US support.", "en", "1991"),
    (
        "Defence Minister Ivanov visited Kyrgyzstan shortly after the June 2002 exercise.",
        "en",
        "2002",
    ),
    ("Soon after the June 2002 exercise, Ivanov visited.", "en", "2002-12"),
    ("2002年6月の演習の直後、イワノフ国防相が訪れた。", "ja", "2002-12"),
    ("1992年3月の協定を実施に移すものとして、平和維持部隊が発足した。", "ja", "1992-07"),
    ("The 11 September terrorist attacks on the United States.", "en", "2001-09-11"),
    ("In Tajikistan, Seleznyov spoke of Central Asia.", "en", "2002"),
]


@pytest.mark.parametrize(("text", "lang", "date"), REPEATED_DATES)
def test_an_entry_that_opens_with_its_own_date(text, lang, date):
    assert repeated_date(text, lang, date)


@pytest.mark.parametrize(("text", "lang", "date"), OWN_WORDS)
def test_an_entry_that_names_an_anchor_date_or_none(text, lang, date):
    assert repeated_date(text, lang, date) is None


POINTERS = [
    ("Karimov also said that all foreign troops in the region should be temporary.", "en"),
    ("カリモフはまた、地域に駐留する外国軍はいずれも一時的であるべきだと述べた。", "ja"),
    ("Malashenko said the situation showed a military re-division of Central Asia.", "en"),
    ("マラシェンコ教授は、この状況は軍事的な再分割の表れだと論じた。", "ja"),
    ("セレズニョフはタジキスタンでも、この地域をロシアの利益圏とするよう語った。", "ja"),
    ("One researcher sums up this situation of the Central Asian states.", "en"),
    ("ある研究者は、中央アジア諸国のこうした状況をひとまとめにして呼んでいる。", "ja"),
    ("弱いナショナリズムの表れとされ、国家の存立を形づくる役目を果たすとされる。", "ja"),
    ("On the Russian side, too, a view has appeared.", "en"),
    ("ロシアの側でも、米軍の長期駐留が代わりになるという見解が現れている。", "ja"),
    ("1999年4月、グルジアも条約を延長せずに離脱した。", "ja"),
    ("Tajik President Rakhmonov again declared readiness to cooperate.", "en"),
    ("Alongside its aid, the US also expected these states to democratise.", "en"),
    ("アメリカは支援と並行して、これら諸国の民主化も望んでいた。", "ja"),
    ("同じ報告書の岩下論文は可能性に触れている。", "ja"),
    ("ロシアではこうした論はたいてい苛立ちを伴って語られた。", "ja"),
    ("Russia clearly moved closer to the United States in this period.", "en"),
]

OPENINGS = [
    ("During the visit Russia and Kazakhstan concluded a treaty.", "en"),
    ("訪問の際、露カ両国は国境警備の条約を結んだ。", "ja"),
    ("同会合でルシャイロは、米軍駐留の目的をはっきりさせるべきだとした。", "ja"),
    ("After the exercises Nazarbayev said Kazakh forces would train in Russia.", "en"),
    ("Under these treaties peacekeeping forces were sent to Tajikistan.", "en"),
    ("Article 4 treats an attack on one member as an attack on all.", "en"),
    ("両国は域内の競争相手として語られることが多い。", "ja"),
]

STANDING_ALONE = [
    (
        "Uzbek President Karimov, who voiced strong concern about Russian troops in Kyrgyzstan, "
        "said that all foreign troops in Central Asia should be temporary.",
        "en",
    ),
    ("ロシアが作戦への支持を示し、キルギスタンとタジキスタンも続いた。", "ja"),
    ("湯浅論文と同じ報告書に収められた岩下論文は可能性に触れている。", "ja"),
    ("ソ連解体後にも、ロシア系の人物が閣僚を務めた例があった。", "ja"),
    ("政治面でも経済面でも、ウズベキスタンの自立はカザフスタンを上回る。", "ja"),
    ("During his tour of Central Asia, Rushailo signed a protocol in Kazakhstan.", "en"),
    ("During Putin’s visit to Astana, Russia and Kazakhstan concluded a treaty.", "en"),
    ("Article 4 of the Collective Security Treaty treats an attack on one as on all.", "en"),
    ("A smooth recovery could lower oil prices (the situation of the month from context).", "en"),
    ("Kazakhstan is closely affected by the situation in Iraq.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), POINTERS)
def test_a_pointer_at_text_the_entry_does_not_hold(text, lang):
    assert leaning_opening(text, lang) or leaning_pointer(text, lang)


@pytest.mark.parametrize(("text", "lang"), OPENINGS)
def test_an_opening_that_leans_on_the_sentence_before(text, lang):
    assert leaning_opening(text, lang)


@pytest.mark.parametrize(("text", "lang"), STANDING_ALONE)
def test_an_entry_that_names_what_it_points_at(text, lang):
    assert leaning_opening(text, lang) is None
    assert leaning_pointer(text, lang) is None


def test_the_committed_summaries_stand_alone():
    assert summary_problems(ROOT / "data") == []


def test_a_broken_entry_is_reported_by_file_row_column_and_rule(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    index = next(i for i, r in enumerate(rows) if r["event_id"] == "ch3-1999-04-geo-leaves-cst")
    rows[index]["summary_ja"] = "1999年4月、グルジアも条約を延長せずに離脱した。"
    rows[index]["summary_en"] = "In April 1999 Georgia left the treaty."
    write_rows(data_copy / "events.csv", header, rows)
    found = summary_problems(data_copy)
    row = index + 2
    assert any(
        p.startswith(
            f"events.csv:{row}:summary_ja: summary-repeats-its-date: opens with '1999年4月'"
        )
        for p in found
    ), found
    assert any(
        p.startswith(f"events.csv:{row}:summary_ja: summary-leans-on-context:") for p in found
    ), found
    assert any(
        p.startswith(
            f"events.csv:{row}:summary_en: summary-repeats-its-date: opens with 'In April 1999'"
        )
        for p in found
    ), found

    header, rows = read_rows(data_copy / "facts.csv")
    index = next(
        i
        for i, r in enumerate(rows)
        if r["fact_id"] == "ch4-fact-researcher-post-colonial-behaviour"
    )
    rows[index]["summary_en"] = "One researcher sums up this situation as post-colonial behaviour."
    write_rows(data_copy / "facts.csv", header, rows)
    assert any(
        p.startswith(
            f"facts.csv:{index + 2}:summary_en: summary-leans-on-context: 'this situation'"
        )
        for p in summary_problems(data_copy)
    )
