"""The modality rule of the codebook, where it can be read from the Japanese mechanically.

- A sentence whose main (last) clause relays what someone said as content — a quotation or a clause
  as the complement of a speech verb (…と述べた, …と言明した, …ことを明らかにした), or …によれば —
  is `reported_view` (or `hedged`, when the author also hedges it).
- A sentence coded `hedged` carries a hedging form; a concession (とはいえ, が, 確かに…しかし) or an
  observation (兆しが見られる, 兆候は見られない) is not one.
"""

from __future__ import annotations

import re

NOTE = re.compile(r"（+[（0-9０-９）]*）+|（注\d+）")
QUOTED_SPEECH = re.compile(
    r"(と(?!も)|」を|ことを|によれば)、?[^。、と]{0,14}(述べ|のべ|言明|警告|語っ|表明|明らかにし|主張し|言及をおこなっ)[^。、]{0,8}$"
)
HEDGE = re.compile(
    r"(と?思われ|だろう|であろう|かもしれない|と考えられ|考えられる|といえよう|ともいえる|と言えよう|可能性[がもは]|なろう|"
    r"ようである|ようだ|かに見え|と見られ|とみられ|とは見られ|と解釈でき|疑問である|うかがわせ|ありうる|であろうか|はずである|推測)"
)


def main_clause(sentence: str) -> str:
    text = NOTE.sub("", re.sub(r"\s+", "", sentence)).rstrip("。")
    return text[-60:]


def modality_problems(rows: list[dict], text_of: dict[str, str]) -> list[str]:
    """Rows of the sentence map whose modality breaks the rule, as 'locator: coded X, …'."""
    out = []
    for r in rows:
        sentence = text_of.get(r["locator"], "")
        if not sentence:
            continue
        tail = main_clause(sentence)
        if QUOTED_SPEECH.search(tail) and r["modality"] not in ("reported_view", "hedged"):
            out.append(
                f"{r['locator']}: coded {r['modality']}, its main clause relays what someone said"
            )
        if r["modality"] == "hedged" and not HEDGE.search(
            NOTE.sub("", re.sub(r"\s+", "", sentence))
        ):
            out.append(f"{r['locator']}: coded hedged, but it carries no hedging form")
    return out
