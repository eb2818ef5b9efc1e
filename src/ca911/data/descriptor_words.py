"""The descriptor's words in each edition's language: every resource and field of
`data/datapackage.json` has a Japanese description (`description_ja`) beside its English one, and
every code of a controlled list a Japanese label (`label_ja`), so the Japanese codebook and the
generated pages name codes in Japanese from the descriptor, never through the message catalogs."""

from __future__ import annotations

from ca911.data.problems import Problem

# The English key of each descriptor text and its key in another language.
TEXT_KEYS = {"en": {"description": "description", "label": "label", "title": "title"}}
TEXT_KEYS["ja"] = {key: f"{key}_ja" for key in TEXT_KEYS["en"]}


def text_of(item: dict, key: str, lang: str = "en") -> str:
    """An item's `key` (description, label, title) in `lang`: `description_ja` for Japanese."""
    return item.get(TEXT_KEYS[lang][key], "")


def _has_japanese(text) -> bool:
    return isinstance(text, str) and any(
        "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text
    )


def missing_japanese(descriptor: dict) -> list[Problem]:
    """A problem for each resource or field without a Japanese description, each code without a
    Japanese label, and each of them that holds no Japanese at all (an English text copied
    across)."""
    problems = []

    def need(item: dict, key: str, where: str) -> None:
        if item.get(key) and not _has_japanese(item.get(f"{key}_ja")):
            problems.append(
                Problem(
                    "datapackage.json",
                    0,
                    where,
                    f"no-{key}-ja",
                    f"{where} has a {key} but no Japanese {key}_ja",
                )
            )

    need(descriptor, "title", "the package")
    for res in descriptor["resources"]:
        need(res, "description", res["name"])
        for field in res["schema"]["fields"]:
            where = f"{res['name']}.{field['name']}"
            need(field, "description", where)
            for code in field.get("categories", []):
                need(code, "label", f"{where}={code['value']}")
    return problems
