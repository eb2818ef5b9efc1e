"""Tracing an English name to what the chapters print: each word of an actor's `name_en` is one of
the Latin words printed for it, romanises a katakana word of its printed forms, or is marked as ours
or external (`untraced_name_parts`)."""

from __future__ import annotations

import re

from ca911.data.problems import CrossFileCheck

_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲンヴァィゥェォャュョ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "o",
            "n",
            "vu",
            "a",
            "i",
            "u",
            "e",
            "o",
            "ya",
            "yu",
            "yo",
        ],
    )
)
_SOUND_CLASSES = (
    ("shch", "s"),
    ("dzh", "z"),
    ("sh", "s"),
    ("ch", "t"),
    ("ts", "t"),
    ("zh", "z"),
    ("kh", "f"),
    ("dz", "z"),
    ("ph", "f"),
    ("j", "z"),
    ("v", "b"),
    ("w", "b"),
    ("f", "b"),
    ("l", "r"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("gh", ""),
    ("ng", "n"),
    ("ge", "ze"),
    ("gi", "zi"),
    ("z", "s"),
    ("y", ""),
    ("h", ""),
)
LATIN_WORD = re.compile(r"[A-Za-z]+")
KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
KANJI = re.compile(r"[\u3400-\u9fff]")


def consonant_skeleton(latin: str) -> str:
    """The consonants of a romanised word in broad sound classes (how a katakana name and its
    romanisation can be compared: vowels, h and y dropped, v/w/f/b merged, l = r, doubled letters
    once)."""
    s = latin.lower()
    for a, b in _SOUND_CLASSES:
        s = s.replace(a, b)
    s = re.sub(r"[aeiou]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def kana_skeleton(word: str) -> str:
    return consonant_skeleton(kana_romaji(word))


def kana_romaji(word: str) -> str:
    return "".join(_KANA.get(ch, "") for ch in word)


def spoken_form(latin: str) -> str:
    """A romanised word with its vowels, in the same sound classes, without the u or o katakana adds
    after a consonant (Nazarbayev and ナザルバエフ agree; Kamilov and コミロフ do not)."""
    s = latin.lower()
    for a, b in _SOUND_CLASSES:
        s = s.replace(a, b)
    s = re.sub(r"(?<=[^aeiou])[uo](?=[^aeiou]|$)", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _distance(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def untraced_name_parts(name_en: str, printed: list[str], marked: list[str]) -> list[str]:
    """Words of `name_en` that the printed forms of the name do not account for.

    `printed` are the forms the chapters print (Japanese, with any Latin they print with it);
    `marked` are the parts declared as ours (translations, qualifiers) or as external. A word is
    traced when it is one of the Latin words printed for the name, or when it romanises a katakana
    word of the printed forms (broadly when the chapters print no Latin word like it; vowel for
    vowel when they do). A word the chapters print differently in Latin and that does not romanise
    their katakana either (a Komilov, コミロフ, recorded as Kamilov) is untraced."""
    rest = name_en
    for part in sorted((m for m in marked if m), key=len, reverse=True):
        rest = rest.replace(part, " ")
    latin = {w.lower() for form in printed for w in LATIN_WORD.findall(form)}
    kana = {kana_skeleton(w) for form in printed for w in KATAKANA_WORD.findall(form)}
    spoken = {spoken_form(kana_romaji(w)) for form in printed for w in KATAKANA_WORD.findall(form)}
    out = []
    for word in LATIN_WORD.findall(rest):
        if word.lower() in latin:
            continue
        skeleton = consonant_skeleton(word)
        if any(
            consonant_skeleton(w) == skeleton for w in latin
        ):  # printed in Latin, spelt otherwise
            if spoken_form(word) in spoken:  # still a faithful romanisation of the printed katakana
                continue
        elif skeleton and any(
            skeleton in k or _distance(skeleton, k) <= max(1, len(skeleton) // 3) for k in kana
        ):
            continue
        out.append(word)
    return out


def name_rules(check: CrossFileCheck) -> None:
    """Names: every part of an English name is printed in the chapters or marked as ours or
    external."""
    tables, add, items = check.tables, check.add, check.items
    for rec in tables.get("actors", []):
        printed = [rec["name_ja"], *items("actors", rec, "name_ja_variants")]
        for field in ("name_en_ours", "name_en_external"):
            for part in items("actors", rec, field):
                if part not in rec["name_en"]:
                    add(
                        "actors",
                        rec,
                        field,
                        "marked-part-not-in-name",
                        f"{part!r} is not part of name_en {rec['name_en']!r}",
                    )
        marked = items("actors", rec, "name_en_ours") + items("actors", rec, "name_en_external")
        if untraced := untraced_name_parts(rec["name_en"], printed, marked):
            add(
                "actors",
                rec,
                "name_en",
                "name-part-untraced",
                f"{', '.join(map(repr, untraced))} of {rec['name_en']!r} is neither printed "
                f"({' / '.join(p for p in printed if p)}) "
                "nor marked as ours (name_en_ours) or external (name_en_external)",
            )
