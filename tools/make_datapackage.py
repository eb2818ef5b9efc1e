"""Writes data/datapackage.json from the compact schema below (run once; the JSON is the source of truth after)."""
import json

def cats(pairs):
    return [{"value": v, "label": l} for v, l in pairs]

def f(name, type_="string", desc="", required=False, enum=None, pattern=None, ordered=False, **kw):
    d = {"name": name, "type": type_, "description": desc}
    c = {}
    if required: c["required"] = True
    if pattern: c["pattern"] = pattern
    if enum:
        c["enum"] = [v for v, _ in enum]
        d["categories"] = cats(enum)
        if ordered: d["categoriesOrdered"] = True
    if c: d["constraints"] = c
    d.update(kw)
    return d

DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
LOC = r"ch[34] §(\d+(\.\d+)?|intro|concl) (¶\d+(-\d+)?|T1 r[1-5] c[12]|title|heading)( n\.\d+)?"
ID = r"[a-z0-9]+(-[a-z0-9]+)*|[A-Z]{2,8}"
SRC = f("source_id", desc="The source that states this fact (sources.csv).", required=True)
LOCF = f("locator", desc="Where the source states it: chapter, section, paragraph (or table cell) and note, e.g. `ch3 §2 ¶14 n.8`.", required=True, pattern=LOC)
QUAL = [("exact", "the number as printed"), ("about", "approximately (約, ほぼ)"), ("at_least", "at least / more than (以上, 超える)"),
        ("up_to", "at most / up to (最大)"), ("under", "just under (弱)"), ("nearly", "nearly (近く)"), ("expected", "expected or planned (見込み, 予定)"),
        ("several", "an unspecified few (数)")]
ACTOR_KINDS = [("state", "sovereign state, ISO 3166-1 alpha-3 id"), ("organization", "international organization or treaty system"),
    ("person", "named individual"), ("institution", "government body, legislature, ministry, agency, university or foundation"),
    ("facility", "military base, airfield or airport"), ("unit", "military unit or force"), ("group", "non-state armed or political group"),
    ("media", "newspaper, news agency or broadcaster"), ("place", "city, region or territory named as a location")]
EVENT_TYPES = [
    ("statement", "a public declaration, speech or remark"), ("address", "a televised or formal address to the nation"),
    ("phone_call", "a telephone conversation or message by telephone/telegram"), ("condolence", "an expression of sympathy or condolence"),
    ("visit", "travel by an official to another state or place"), ("meeting", "a bilateral meeting or talks"),
    ("summit", "a multilateral meeting of leaders, ministers or secretaries"), ("agreement", "a signed agreement, declaration or protocol"),
    ("treaty_signature", "the signing of a treaty founding an organization or system"), ("withdrawal", "a state leaves a treaty or organization"),
    ("accession", "a state joins a treaty or organization"), ("founding", "an organization, force or body is created"),
    ("decision", "a government or body decides, approves or authorizes"), ("deployment", "forces or equipment arrive, are stationed or are sent"),
    ("military_operation", "combat operations, strikes or incursions"), ("exercise", "a military exercise"),
    ("attack", "a terrorist attack, bombing, assassination attempt or hostage-taking"), ("appointment", "someone takes office"),
    ("report", "a media or agency report the chapter cites as evidence"), ("poll", "an opinion poll"),
    ("assistance", "aid pledged or given"), ("policy_change", "a change in policy or status (e.g. IMF Article VIII)"),
    ("border_closure", "a border is closed")]
ROLES = [("initiator", "the actor who acts, speaks, calls, visits or proposes"), ("target", "the actor addressed, visited or acted upon"),
         ("participant", "a party to a meeting, agreement or summit"), ("subject", "the actor the event is about"), ("host", "the actor on whose territory the event happens")]
STANCES = [("not_stated", "0 — no position stated (used only by carry-forward, never stored)"),
    ("refuses", "1 — rules out US military use of its territory or the region"),
    ("denies_plans", "2 — denies any request, negotiation or plan for US use of its territory, without ruling it out"),
    ("general_cooperation", "3 — declares readiness to cooperate against terrorism without naming military access"),
    ("airspace", "4 — offers or does not refuse its airspace (overflight), or humanitarian-only airspace"),
    ("search_rescue", "5 — offers airfields or territory for search-and-rescue and humanitarian operations only"),
    ("full_support", "6 — offers full support, ground forces or base use for military operations")]
DIMENSIONS = [("government_stance", "イラク攻撃への政府の対応 — the government's response to the attack on Iraq"),
    ("public_opinion", "国内世論 — domestic opinion"), ("economic_impact", "経済的影響 — economic effects"),
    ("relations_with_russia", "ロシアとの関係 — relations with Russia"), ("post_attack_response", "攻撃後の対応 — response after the attack")]
VALUE_CODES = [("passive_neutrality", "government stance: passive neutrality"), ("active_support", "government stance: active support, joins the coalition"),
    ("majority_opposed", "public opinion: a majority opposed (measured)"), ("majority_opposed_presumed", "public opinion: unknown, a majority presumed opposed"),
    ("concern", "economic effects: a concern was raised"), ("none", "economic effects: none in particular"),
    ("within_cst", "relations with Russia: security ties deepened within the Collective Security Treaty"),
    ("outside_csto", "relations with Russia: security cooperation outside the CSTO (e.g. in the SCO)"),
    ("troops_sent", "after the attack: personnel sent to Iraq"), ("no_troops", "after the attack: no personnel sent")]
POLICY_TYPES = [("balance_of_power", "勢力均衡型 — counters or balances a threat or power (the chapter's definition)"),
    ("bandwagon", "バンドワゴン型 — follows a threat or power instead of countering it"),
    ("omnidirectional", "全方位外交 — omnidirectional/multilateral policy the chapter characterises without a single label"),
    ("pragmatic", "実利主義 — pragmatic, order-preserving policy without a fixed doctrine")]
RELATIONS = [("drawn_to", "drawn toward / aligned with (引き寄せられた, 協調)"), ("cooperation", "cooperation while keeping distance"),
    ("conflict", "conflict or distancing (対立, 距離を置く)"), ("balancing", "balanced between powers (均衡)")]

def res(name, desc, fields, pk, fks=()):
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
            "description": desc,
            "schema": {"fields": fields, "primaryKey": pk,
                       "foreignKeys": [{"fields": a, "reference": {"resource": r, "fields": b}} for a, r, b in fks],
                       "missingValues": [""]}}

ACTOR_FK = lambda col: (col, "actors", "actor_id")
resources = [
 res("sources", "The sources every record cites: the two chapters. Bibliographic details the texts do not establish are left empty and marked unknown.", [
    f("source_id", desc="Short id used by every record.", required=True, pattern=r"ch[34]"),
    f("bibtex_key", desc="Key of the entry in references.bib.", required=True),
    f("author", desc="Author, romanised (family name first).", required=True), f("author_ja", desc="Author as printed."),
    f("title_ja", desc="Chapter title as printed.", required=True), f("title_en", desc="Chapter title, our translation.", required=True),
    f("chapter", "integer", "Chapter number as printed."),
    f("container", desc="What the chapter belongs to, as far as established."),
    f("year", desc="Year of publication; empty = unknown."), f("pages", desc="Page range; empty = unknown."),
    f("file", desc="The plain-text file in ../shared/sources.", required=True)], ["source_id"]),
 res("actors", "Every person, state, organization, facility, unit, group, institution, medium and place the chapters name.", [
    f("actor_id", desc="ISO alpha-3 for states, acronym for organizations, slug for others.", required=True, pattern=ID),
    f("kind", desc="What the actor is.", required=True, enum=ACTOR_KINDS),
    f("name_en", desc="English name in standard romanisation.", required=True), f("name_ja", desc="Japanese name as printed.", required=True),
    f("name_ja_variants", desc="Other printed forms, separated by `|`."),
    f("country_id", desc="State the actor belongs to; empty for organizations and states."),
    f("description_en", desc="Who or what it is, as the chapters describe it."),
    SRC, LOCF], ["actor_id"], [("country_id", "actors", "actor_id"), ("source_id", "sources", "source_id")]),
 res("events", "Every dated happening the chapters state.", [
    f("event_id", desc="`<chapter>-<date>-<slug>`.", required=True, pattern=r"ch[34]-\d{4}(-\d{2}){0,2}-[a-z0-9]+(-[a-z0-9]+)*"),
    f("date", desc="Partial ISO 8601 date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.", required=True, pattern=DATE),
    f("date_end", desc="End of a range, same form; empty for a single date.", pattern=DATE),
    f("date_precision", desc="Which parts of `date` the source gives.", required=True, enum=[("year", "YYYY"), ("month", "YYYY-MM"), ("day", "YYYY-MM-DD")]),
    f("approximate", "boolean", "True where the source says early, late, spring, around or the date is a reading.", required=True),
    f("time_basis", desc="Clock the date follows where the chapter distinguishes it.", enum=[("local", "local time of the place"), ("us", "US (Washington) time"), ("unspecified", "the chapter does not say")]),
    f("event_type", desc="Controlled list of event types.", required=True, enum=EVENT_TYPES),
    f("place_id", desc="Where it happened (actors.csv), if stated."),
    f("summary_en", desc="What happened, in our own words.", required=True), f("summary_ja", desc="同じ内容を我々の言葉で。", required=True),
    SRC, LOCF], ["event_id"], [ACTOR_FK("place_id"), ("source_id", "sources", "source_id")]),
 res("event_actors", "Who took part in each event, and in which role.", [
    f("event_id", required=True, desc="The event."), f("actor_id", required=True, desc="The actor."),
    f("role", desc="The actor's role in the event.", required=True, enum=ROLES)], ["event_id", "actor_id", "role"],
    [("event_id", "events", "event_id"), ACTOR_FK("actor_id")]),
 res("event_links", "Records of the two chapters (or of one) that describe the same or closely related happenings.", [
    f("event_id", required=True, desc="One event."), f("linked_event_id", required=True, desc="The other event."),
    f("relation", required=True, desc="How they relate.", enum=[("same_event", "both describe the same happening"), ("follow_up", "the second carries the first out or follows from it"), ("conflict", "they disagree; see discrepancies.csv")]),
    f("note_en", desc="What links them.")], ["event_id", "linked_event_id"],
    [("event_id", "events", "event_id"), ("linked_event_id", "events", "event_id")]),
 res("stances", "Each state's position on US military use of Central Asia in September–October 2001, one row per evidenced day; carry-forward is computed, not stored.", [
    f("date", desc="Day the position is evidenced (YYYY-MM-DD; YYYY-MM where the chapter gives only the month).", required=True, pattern=DATE),
    f("actor_id", desc="The state.", required=True), f("issue", desc="The question the stance answers.", required=True, enum=[("us_military_use_2001", "US military use of Central Asian territory, airspace and bases, autumn 2001")]),
    f("stance", desc="Ordered stance code.", required=True, enum=STANCES, ordered=True),
    f("event_id", desc="The event that evidences the stance.", required=True), f("note_en", desc="Why this code.")],
    ["date", "actor_id", "issue"], [("event_id", "events", "event_id"), ACTOR_FK("actor_id")]),
 res("memberships", "Who belonged to which treaty or organization, from when to when, as the chapters state.", [
    f("member_id", required=True, desc="The member state."), f("org_id", required=True, desc="The organization."),
    f("status", required=True, desc="Kind of membership.", enum=[("member", "member"), ("observer", "observer"), ("founding_member", "founding member / original signatory")]),
    f("start", required=True, desc="Start (partial date); see start_basis.", pattern=DATE),
    f("start_basis", required=True, desc="What `start` means.", enum=[("joined", "the date the member joined or signed"), ("by", "member by this date; the chapter gives no joining date")]),
    f("end", desc="End (partial date); empty = still a member at the chapter's time.", pattern=DATE),
    f("end_reason", desc="Why it ended.", enum=[("withdrew", "withdrew or did not renew"), ("superseded", "the organization was replaced")]),
    SRC, LOCF], ["member_id", "org_id", "start"], [ACTOR_FK("member_id"), ACTOR_FK("org_id"), ("source_id", "sources", "source_id")]),
 res("deployments", "Every foreign force presence the chapters give, with its numbers as printed.", [
    f("deployment_id", required=True, desc="Slug `<force>-<facility or host>-<as_of>`.", pattern=ID),
    f("facility_id", desc="The base or airfield (actors.csv); empty where not named."),
    f("host_id", required=True, desc="The host state."), f("force_id", required=True, desc="The state or force whose troops they are."),
    f("unit", desc="Unit or force as printed (English)."),
    f("personnel", "integer", "Number of personnel as printed; empty = not given."),
    f("personnel_qualifier", desc="How the number is qualified.", enum=QUAL),
    f("aircraft", "integer", "Number of aircraft as printed; empty = not given."),
    f("aircraft_qualifier", desc="How the aircraft number is qualified.", enum=QUAL),
    f("status", required=True, desc="What the record describes.", enum=[("present", "stationed at as_of"), ("arriving", "on the way at as_of"), ("planned", "planned or expected"), ("agreed", "agreed, not yet present"), ("capacity", "what the facility can hold")]),
    f("as_of", required=True, desc="Date the numbers refer to (partial).", pattern=DATE),
    f("event_id", desc="Event that reports it, if any."), f("note_en", desc="Anything the numbers need."),
    SRC, LOCF], ["deployment_id"], [ACTOR_FK("facility_id"), ACTOR_FK("host_id"), ACTOR_FK("force_id"), ("event_id", "events", "event_id"), ("source_id", "sources", "source_id")]),
 res("aid", "Assistance amounts the chapters give, in whole US dollars; recipient `regional` is a region-wide line and `total` the stated total.", [
    f("donor_id", required=True, desc="Donor state."), f("recipient_id", required=True, desc="Recipient state, `regional` or `total`.", pattern=r"[A-Z]{3}|regional|total"),
    f("year", "integer", "Year of the assistance.", required=True), f("amount_usd", "integer", "Whole US dollars.", required=True),
    f("aid_kind", desc="What the amount is.", enum=[("assistance", "assistance of all kinds"), ("military_equipment", "military-technical equipment")]),
    f("qualifier", desc="How the amount is qualified.", enum=QUAL),
    f("as_printed", desc="The amount as printed, for checking."),
    SRC, LOCF], ["donor_id", "recipient_id", "year"], [ACTOR_FK("donor_id"), ("source_id", "sources", "source_id")]),
 res("iraq_war_responses", "The ten cells of chapter 4's Table 1 (Kazakhstan's and Uzbekistan's responses to the Iraq war).", [
    f("country_id", required=True, desc="KAZ or UZB.", enum=[("KAZ", "Kazakhstan"), ("UZB", "Uzbekistan")]),
    f("dimension", required=True, desc="Table row, in printed order.", enum=DIMENSIONS, ordered=True),
    f("value_code", desc="Code for the cell where it allows one.", enum=VALUE_CODES),
    f("text_en", required=True, desc="The cell, our translation."), f("text_ja", required=True, desc="The cell as printed (a quotation)."),
    f("event_ids", desc="Events that evidence the cell, separated by spaces."), SRC, LOCF], ["country_id", "dimension"], [("source_id", "sources", "source_id")]),
 res("periods", "Chapter 4's periodisation and characterisation of Kazakh and Uzbek foreign policy, with its analytic labels.", [
    f("period_id", required=True, desc="`<country>-<n>`.", pattern=r"[a-z]{3}-\d"), f("country_id", required=True, desc="The state."),
    f("start", required=True, desc="Start year as the chapter gives it.", pattern=DATE), f("end", desc="End; empty = open.", pattern=DATE),
    f("approximate", "boolean", "True where the chapter says 頃 (about).", required=True),
    f("label_en", required=True, desc="The period, our words."), f("label_ja", required=True, desc="The chapter's own label (short quotation)."),
    f("policy_type", required=True, desc="The chapter's analytic label.", enum=POLICY_TYPES), SRC, LOCF], ["period_id"],
    [ACTOR_FK("country_id"), ("source_id", "sources", "source_id")]),
 res("period_relations", "The relation to each major power that chapter 4 attributes to a state in a period; never inferred beyond the text.", [
    f("period_id", required=True, desc="The period."), f("partner_id", required=True, desc="RUS, USA, CHN or another state."),
    f("relation", required=True, desc="The relation the chapter states.", enum=RELATIONS), f("note_en", desc="What the chapter says."), SRC, LOCF],
    ["period_id", "partner_id"], [("period_id", "periods", "period_id"), ACTOR_FK("partner_id"), ("source_id", "sources", "source_id")]),
 res("indicators", "Every other quantity the chapters give.", [
    f("country_id", required=True, desc="The state the quantity describes."), f("indicator", required=True, desc="Snake-case name.", pattern=r"[a-z0-9_]+"),
    f("value", "number", "The number as printed.", required=True), f("unit", required=True, desc="Unit (km, share, persons, usd…)."),
    f("as_of", required=True, desc="Date the quantity refers to (partial).", pattern=DATE), f("qualifier", required=True, desc="How it is qualified.", enum=QUAL),
    f("as_printed", desc="As printed."), SRC, LOCF], ["country_id", "indicator", "as_of"], [ACTOR_FK("country_id"), ("source_id", "sources", "source_id")]),
 res("discrepancies", "Misprints, internal conflicts and cross-chapter disagreements, with the reading adopted.", [
    f("discrepancy_id", required=True, desc="`d<nn>`.", pattern=r"d\d{2,3}"),
    f("kind", required=True, desc="What sort of problem.", enum=[("misprint", "a plain misprint"), ("internal_conflict", "the chapter disagrees with itself"), ("cross_chapter", "the two chapters disagree"), ("ambiguity", "the text allows more than one reading"), ("time_basis", "local versus US time"), ("missing_text", "text the source file lacks")]),
    SRC, LOCF, f("as_printed", required=True, desc="What the source prints."), f("reading", required=True, desc="The reading the data adopts."),
    f("reason", required=True, desc="Why."), f("record_ids", desc="Affected records, separated by spaces.")], ["discrepancy_id"], [("source_id", "sources", "source_id")]),
]
pkg = {"name": "ca911-central-asia-after-9-11", "title": "Central Asia after 9/11: facts of two JIIA study-group chapters as sourced records",
       "version": "0.1.0", "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
       "resources": resources}
json.dump(pkg, open("data/datapackage.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
