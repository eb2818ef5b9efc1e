"""Every actor a figure names is named by its display name or the one short form the data declare
(actors.csv `name_en_short`, `name_ja_short`), never by another variant: not by its id ('CRRF',
'SF'), not by a printed variant the data keep for tracing ('CIS 緊急展開部隊'), and not by a name
built on a declared one ('CST/CIS rapid-reaction force': a declared name with another actor's name
put before it).

A line of figure text is read from its start, taking at each point the longest form of any
organisation or force that begins there; a form that is not one of its actor's two names in the
edition's language is a variant, and so is a declared name right after another actor's name and a
space."""

from __future__ import annotations

KINDS = ("organization", "unit")


def _forms(actors, lang: str) -> dict[str, tuple[str, bool]]:
    """Every form of every organisation and force → (actor id, whether the edition may use it)."""
    found: dict[str, tuple[str, bool]] = {}
    shown = "name_shown" if lang == "en" else f"name_{lang}"
    for r in actors.itertuples():
        if r.kind not in KINDS:
            continue
        allowed = {getattr(r, shown), getattr(r, f"name_{lang}_short", "")} - {""}
        variants = list(r.name_ja_variants) if isinstance(r.name_ja_variants, list | tuple) else []
        others = {r.name_en, r.name_shown, r.name_ja, *variants}
        if r.actor_id.isupper():
            others.add(r.actor_id)
        words = r.name_shown.split()
        if len(words) >= 2:  # its last two words: 'rapid-reaction force', 'Economic Community'
            others.add(" ".join(words[-2:]))
        for form in others - allowed - {""}:
            found.setdefault(form, (r.actor_id, False))
        for form in allowed:
            found[form] = (r.actor_id, True)
    return found


def _match_at(line: str, i: int, forms: dict, ordered: list[str]):
    for form in ordered:  # longest first
        if line.startswith(form, i):
            end = i + len(form)
            latin_edges = (form[0].isascii() and form[0].isalnum(), form[-1].isascii())
            before = line[i - 1] if i else " "
            after = line[end] if end < len(line) else " "
            if latin_edges[0] and (before.isascii() and (before.isalnum() or before == "-")):
                continue
            if latin_edges[1] and form[-1].isalnum() and after.isascii() and after.isalnum():
                continue
            return form, end
    return None, i + 1


def variant_names(lines: list[str], actors, lang: str) -> list[str]:
    """Each line of figure text that names an organisation or force by a variant, with the
    variant."""
    forms = _forms(actors, lang)
    ordered = sorted(forms, key=len, reverse=True)
    problems = []
    for line in lines:
        i, previous_end = 0, None
        while i < len(line):
            form, end = _match_at(line, i, forms, ordered)
            if form is None:
                i = end
                continue
            actor, allowed = forms[form]
            if not allowed:
                problems.append(f"{line!r}: {form!r} (for {actor})")
            elif previous_end is not None and line[previous_end:i] == " ":
                problems.append(f"{line!r}: {form!r} with another name before it")
            previous_end = end
            i = end
    return problems
