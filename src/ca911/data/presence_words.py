"""A deployment record's words in each edition's language: its status (deployments.status) and
what stands for a personnel number the chapters do not give. Every figure, legend and timeline
takes them from here, so the map, the timelines and the codebook say the same thing.

In Japanese, "arriving" is 到着途上 (chapter 3 says the forces 向かった: on their way, not yet
there), and a missing number is 人数の記載なし (the chapters give none, not "there were none")."""

from __future__ import annotations

from ca911.data.language import check_language

STATUS_WORDS = {
    "en": {s: s for s in ("present", "arriving", "planned", "agreed", "capacity")},
    "ja": {
        "present": "駐留",
        "arriving": "到着途上",
        "planned": "計画",
        "agreed": "合意済み",
        "capacity": "収容能力",
    },
}
NO_NUMBER = {"en": "no number given", "ja": "人数の記載なし"}


def status_word(status: str, lang: str) -> str:
    """A record's status as the edition names it ("arriving", 到着途上)."""
    return STATUS_WORDS[check_language(lang)][status]


def no_number(lang: str) -> str:
    """What a record without a personnel number says in its place."""
    return NO_NUMBER[check_language(lang)]
