"""The index of actors: its order (by kind, then by the name as the index lists it), its labels and
its page."""

from __future__ import annotations

import re

import pandas as pd

from ca911.book.actor_records import (
    RESOURCE_ORDER,
    count_words,
    marked_external,
    record_counts,
    ref_link,
)
from ca911.book.myst import english_only, myst_code, myst_text
from ca911.data.package import DataPackage

KIND_HEADINGS = {
    "state": "States",
    "organization": "Organisations and treaty systems",
    "person": "People",
    "institution": "Institutions",
    "facility": "Bases and airfields",
    "unit": "Military units and forces",
    "group": "Groups",
    "media": "Media",
    "place": "Places",
}
KIND_HEADINGS_JA = {
    "state": "国家",
    "organization": "国際組織・条約体制",
    "person": "人物",
    "institution": "機関",
    "facility": "基地・飛行場",
    "unit": "軍の部隊",
    "group": "集団",
    "media": "報道機関",
    "place": "地名",
}
# The headings of each edition, in the same order of kinds.
HEADINGS = {"en": KIND_HEADINGS, "ja": KIND_HEADINGS_JA}
# The index's own words.
INDEX_WORDS = {
    "en": {"no_records": "no records", "sep": ", "},
    "ja": {"no_records": "記録なし", "sep": "、"},
}


def index_name(name_en: str, kind: str) -> str:
    """The name as an index lists it: as the data name the actor, in the one style the book uses
    everywhere ("Islam Karimov", "Putin"); a list orders people by surname (`order_name`)."""
    return str(name_en)


def order_name(name_en: str, kind: str) -> str:
    """What a list orders the actor by: a person's surname, then the rest of the name ("Karimov
    Islam", "Kunanbaev Abai (Ibragim)"); any other actor its name."""
    words = str(name_en).split()
    if kind != "person" or len(words) < 2:
        return str(name_en)
    return " ".join([words[-1], *words[:-1]])


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order of a displayed name: letters only, accents and case ignored."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return ("".join(c for c in plain if c.isalnum() or c == " ").strip(), name)


def japanese_sort_key(name_ja: str, reading: str = "") -> tuple[str, str, str]:
    """五十音順 of a Japanese name: by its recorded reading where there is one, else by the name
    itself, katakana read as hiragana (a kana name sorts by itself). As Japanese dictionaries do,
    voiced and plain kana compare equal first (ば as は) and the long-vowel mark, middle dots and
    brackets are ignored; the voiced form, then the name, break ties. Latin letters and digits
    sort before kana, a kanji name without a reading after them."""
    import unicodedata

    text = unicodedata.normalize("NFKC", str(reading or name_ja))
    kana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)
    plain = "".join(c for c in kana if c.isalnum() and c != "ー")
    unvoiced = "".join(c for c in unicodedata.normalize("NFD", plain) if c not in "\u3099\u309a")
    return (unvoiced, plain, str(name_ja))


def navigation_order(pkg: DataPackage, actor_ids, lang: str = "en") -> list[tuple[str, str]]:
    """(actor id, title) of the given actors as the index and the sidebar list them: by kind in the
    order of KIND_HEADINGS, then by displayed name; the title marks the parts of a name the chapters
    do not print. In Japanese the title is `name_ja` and the order 五十音順 by reading
    (`japanese_sort_key`)."""
    actors = pkg.actors.set_index("actor_id").loc[sorted(actor_ids)]
    kinds = list(KIND_HEADINGS)
    rows = []
    for actor_id, a in actors.iterrows():
        rank = kinds.index(a["kind"]) if a["kind"] in kinds else len(kinds)
        if lang == "ja":
            key = japanese_sort_key(a["name_ja"], a.get("name_ja_reading", ""))
            rows.append((rank, key, actor_id, str(a["name_ja"])))
            continue
        shown = index_name(a["name_en"], a["kind"])
        rows.append(
            (
                rank,
                sort_key(order_name(a["name_en"], a["kind"])),
                actor_id,
                marked_external(shown, a["name_en_external"]),
            )
        )
    return [(actor_id, title) for *_, actor_id, title in sorted(rows)]


# A note on how the chapters print a name ("EEC (as printed in Table 1)"): the English name's, not
# a part of the name a Japanese reader needs glossed
PRINTED_NOTE = re.compile(r"\s*\(as printed[^()]*\)$")
# A Japanese name that ends in its own bracket: 国際通貨基金（IMF）
BRACKETED_END = re.compile(r"^(?P<stem>.*\S)（(?P<inner>[^（）]+)）$")


def japanese_gloss(name_ja: str, name_en: str) -> tuple[str, str]:
    """The Japanese index's name and the one bracket after it, never two brackets side by side or
    one inside another: 国際通貨基金（IMF、International Monetary Fund）, ロシア上院（Russian upper
    house, [Federation Council]）, アメリカ外交問題委員会（US foreign relations committee）; no
    bracket where the English says only what the name prints (EEC, 海軍特殊部隊（Navy SEALs）)."""
    gloss = PRINTED_NOTE.sub("", name_en)
    m = BRACKETED_END.match(name_ja)
    stem, inner = (m["stem"], m["inner"]) if m else (name_ja, "")
    if inner:
        gloss = gloss.replace(f" ({inner})", "")  # 連邦保安局（FSB）: "(FSB)" is printed already
    gloss = re.sub(r" \((.*)\)$", r", \1", gloss)  # the English name's own bracket: a comma
    if gloss in (stem, inner):
        gloss = ""
    held = [myst_text(inner)] if inner else []
    held += [english_only(gloss)] if gloss else []
    return stem, f"（{'、'.join(held)}）" if held else ""


def index_label(actor_id: str) -> str:
    """The actor's entry in the compact index (both editions); print resolves `actor-<id>` to it."""
    return f"idx-actor-{actor_id}"


def index_markdown(
    pkg: DataPackage, records: pd.DataFrame, with_page: set[str], lang: str = "en"
) -> str:
    """All actors by kind, one line each: name, the name in the other language, record counts; a
    page link where there is one. Each entry has its own label: the PDF, which has no actor pages,
    links actor names here. The Japanese edition leads with `name_ja`, in 五十音順."""

    counts = record_counts(records)
    actors = pkg.actors.set_index("actor_id")
    headings, words = HEADINGS[lang], INDEX_WORDS[lang]
    out, heading = [], None
    for actor_id, title in navigation_order(
        pkg, actors.index[actors["kind"].isin(list(KIND_HEADINGS))], lang
    ):
        r = actors.loc[actor_id]
        if headings.get(r["kind"]) != heading:
            heading = headings.get(r["kind"])
            out += [f"# {heading}", ""]
        c = counts.loc[actor_id] if actor_id in counts.index else None
        shown = (
            words["sep"].join(
                count_words(int(c[k]), k, lang) for k in RESOURCE_ORDER if c is not None and c[k]
            )
            or words["no_records"]
        )
        if lang == "ja":
            # Japanese glosses the English name in one bracket after its own, as a reader
            # expects: no field of the entry stands alone between separators
            stem, gloss = japanese_gloss(
                title, marked_external(r["name_en"], r["name_en_external"], lang)
            )
            # no English id trailing the Japanese entry: its label carries the id for links
            entry = f"**{ref_link(actor_id, stem, with_page, lang)}**{gloss}：{shown}"
        else:
            name, other = ref_link(actor_id, title, with_page, lang), myst_text(r["name_ja"])
            entry = f"**{name}** · {other} · {myst_code(actor_id)} · {shown}"
        out += [f"({index_label(actor_id)})=", entry, ""]
    return "\n".join(out) + "\n"
