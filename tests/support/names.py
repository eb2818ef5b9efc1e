"""Latin forms the chapters print beside a name, e.g. コミロフ（Abdulaziz Komilov）, must be among
the actor's printed forms in actors.csv: the validator traces the words of an English name only to
what the data record."""

from __future__ import annotations

import re

PRINTED_WITH_LATIN = re.compile(
    r"([\u30a0-\u30ff\u3400-\u9fff・ー]{1,20})\s*[（(]([A-Za-z][A-Za-z .,'\[\]\-/]*)[）)]"
)


def unrecorded_latin_forms(chapter_text: str, actors: list[dict]) -> list[str]:
    """'name（Latin）' pairs whose name is (the end of) an actor's printed name but whose Latin is
    in none of that actor's printed forms."""
    text = chapter_text.replace("\n", "")
    out = []
    for m in PRINTED_WITH_LATIN.finditer(text):
        before, latin = m.group(1), m.group(2).strip()
        for a in actors:
            forms = [f for f in [a["name_ja"], *a.get("name_ja_variants", "").split("|")] if f]
            bare = {re.sub(r"[（(].*?[）)]", "", f) for f in forms}
            if any(b and before.endswith(b) for b in bare) and not any(latin in f for f in forms):
                out.append(f"{a['actor_id']}: {m.group(0)}")
    return out


# A gloss: the part opens a parenthesis right after the printed form it expands ("NATO (North
# Atlantic Treaty Organization)", "独立新聞 (*Nezavisimaya gazeta*)")
GLOSS_BEFORE = re.compile(r"\S \(\*?$")


def unbracketed_outside_parts(
    texts: dict[str, str], outside_parts: set[str], glosses: bool = False
) -> list[str]:
    """Where our own text (record summaries and descriptions, companion prose) uses a part of a name
    that the chapters do not print (`name_en_external`) without the square brackets that mark it as
    from outside. With `glosses` (running prose), a part may instead stand as a plain gloss in a
    parenthesis after the printed form: the square brackets are the apparatus of tables, glossary
    and figures."""
    found = []
    for where, text in texts.items():
        for part in sorted(outside_parts):
            for m in re.finditer(re.escape(part), text):
                before = text[max(0, m.start() - 4) : m.start()]
                if before.endswith("[") or (glosses and GLOSS_BEFORE.search(before)):
                    continue
                found.append(f"{where}: {text[max(0, m.start() - 30) : m.end() + 10]!r}")
    return found
