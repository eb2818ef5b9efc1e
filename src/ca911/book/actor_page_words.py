"""The words of an actor's page in each edition's language (`ca911.book.actor_pages`): its labels,
headings, table columns, captions and the kinds of actor as a sentence names them."""

from __future__ import annotations

from ca911.book.actor_index import KIND_HEADINGS_JA

# The kind as a page names it: the code values are identifiers, these are words.
ACTOR_KIND_WORDS = {
    "state": "state",
    "organization": "organisation or treaty system",
    "person": "person",
    "institution": "institution",
    "facility": "base or airfield",
    "unit": "military unit or force",
    "group": "group",
    "media": "news medium",
    "place": "place",
}
# Japanese names a kind the same in a sentence as in the index's heading.
ACTOR_KIND_WORDS_JA = KIND_HEADINGS_JA
# The page's own words in each edition's language.
PAGE_WORDS = {
    "en": {
        "kinds": ACTOR_KIND_WORDS,
        "colon": ":",
        "kind": "Kind:",
        "country": "Country:",
        "other_name": "Japanese:",
        "variants": ", also printed as {v}",  # a bracket would stand beside the name's own
        "first_named": "first named:",
        "brackets": "Square brackets mark the part of the English name that neither chapter "
        "prints.",
        "records": "**Records:** {counts} ({n} in all).",
        "records_one_kind": "**Records:** {counts}.",
        "list_sep": ", ",
        "timeline": "Timeline",
        "timeline_alt": "A time axis from 1991 to 2005 with a lane for chapter 3 above a lane for "
        "chapter 4, showing {events} of {name} as markers coloured and shaped by family of "
        "event; a bar spans the month or year an imprecise date covers.",
        "timeline_caption": "Events of {name} in both chapters, by chapter: marker = where the "
        "date starts, bar = the span an imprecise date covers; colour and shape = family of "
        "event.",
        "data": "Data: `events.csv`, `event_actors.csv`.",
        "memberships": "Memberships",
        "membership_columns": ["member", "organisation", "status", "from", "until", "locator"],
        "open": "no end recorded",
        # what a membership's start means (memberships.csv, start_basis): a date it held by is
        # not the joining date
        "start_by": "by {date}",
        "start_not_before": "not before {date}",
        "start_undated": "no date given",
        "memberships_caption": "Memberships of {name}, as spans from the dates printed.",
        "deployments": "Deployments",
        "deployment_columns": [
            "force",
            "host",
            "facility",
            "unit",
            "personnel",
            "status",
            "as of",
            "locator",
        ],
        "deployments_caption": "Deployments naming {name}, personnel as printed with its "
        "qualifier.",
        "facts": "Undated facts",
        "network": "In the contact network of autumn 2001",
        "network_text": "In the diplomatic contact network of 11 September – 30 October 2001 "
        "(states and organisations, {{ref}}`nb-network-diplomatic-contacts-centrality`), {name} "
        "has {partners}.",
        "every_record": "Every record",
        "every_record_intro": "Dated records first, in date order, then the undated; events and "
        "facts link to their entries.",
        "record_columns": ["date", "what", "record · locator"],
        "records_caption": "Every record naming {name}.",
        "undated_note": "– in *date*: the record is undated.",
    },
    "ja": {
        "kinds": ACTOR_KIND_WORDS_JA,
        "colon": "：",
        "kind": "種類：",
        "country": "所属国：",
        "other_name": "英語名：",
        # the chapters' other Japanese forms, an item of their own: after the English name they
        # would read as its variants
        "variants": " · **原著での別の表記：** {v}",
        "first_named": "初出：",
        "brackets": "英語名の角括弧は、どちらの章にも印刷されていない部分を示す。",
        "records": "**記録：** {counts}（計{n}件）。",
        "records_one_kind": "**記録：** {counts}。",
        "list_sep": "、",
        "timeline": "年表",
        "timeline_alt": "1991年から2005年までの時間軸。上段に原著第3章、下段に原著第4章の帯があり、"
        "{name}の{events}を出来事の系統ごとの色と形の印で示す。日付が不確かな場合は、その日付が覆う月"
        "または年を棒で示す。",
        "timeline_caption": "両章における{name}の出来事（章別）。印＝日付の始まり、"
        "棒＝不確かな日付が覆う期間、色と形＝出来事の系統。",
        "data": "データ：`events.csv`、`event_actors.csv`。",
        "memberships": "加盟",
        "membership_columns": ["加盟国", "組織", "種類", "開始", "終了", "典拠箇所"],
        "open": "終了の記載なし",
        "start_by": "{date}までに",
        "start_not_before": "{date}以降",
        "start_undated": "日付の記載なし",
        "memberships_caption": "{name}の加盟（印刷された日付による期間）。",
        "deployments": "駐留・派遣",
        "deployment_columns": [
            "部隊の所属",
            "受け入れ国",
            "施設",
            "部隊",
            "人員",
            "状態",
            "時点",
            "典拠箇所",
        ],
        "deployments_caption": "{name}に関わる駐留・派遣（人員は印刷どおりの限定つき）。",
        "facts": "日付のない事実",
        "network": "2001年秋の接触ネットワーク",
        "network_text": "2001年9月11日～10月30日の外交接触ネットワーク（国家と国際組織、"
        "{{ref}}`nb-network-diplomatic-contacts-centrality`）において、{name}の接触相手は"
        "{partners}である。",
        "every_record": "すべての記録",
        "every_record_intro": "日付のある記録を日付順に示し、そのあとに日付のない記録を示す。"
        "出来事と事実はそれぞれの項目にリンクする。",
        "record_columns": ["日付", "内容", "記録 · 典拠箇所"],
        "records_caption": "{name}に関わるすべての記録。",
        "undated_note": "*日付*欄の –：日付のない記録。",
    },
}
# The column that holds the unit's name in each edition's language.
UNIT_COLUMN = {"en": "unit", "ja": "unit_ja"}
