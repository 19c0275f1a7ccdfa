"""Matching checks of the actor trie: casing of names, acronyms and titles, and places.

Kept apart from :mod:`tocsin.actors.resolver` (the trie) so each stays small.
"""

from __future__ import annotations

from typing import Any

from tocsin.actors.entries import ActorEntry, AgentEntry

PLACE_KIND = "place"
_COUNTRY_KINDS = frozenset({PLACE_KIND, "country", "metonym"})
# capitalised nouns after which a country's or place's name is part of a treaty's name: "the
# Istanbul Convention", "the Minsk Agreements", "the Oslo Accords" (not the country)
TREATY_HEADS = frozenset(
    ["convention", "conventions", "agreement", "agreements", "accord", "accords", "treaty"]
    + ["protocol", "memorandum", "declaration", "charter", "pact"]
)  # a city or region entry coded as its country (tocsin.places.actors.tsv)
# entity labels under which a place's name is part of another name ("Comandos de la Frontera",
# "Kyiv Independent", "Jenin Brigade"): the place does not match there
NOT_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# lower-case particles of Romance, Germanic names: after one, a place's name is part of a
# longer name (the actors are found before NER runs, so this is the check that usually acts)
NAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "di", "du", "des", "do", "da", "dos", "das", "von", "van"}
)
# facilities that are usually named after a person: "Aden Adde International Airport" (in
# Mogadishu, named after Aden Abdullah Osman Daar), "Jordan Ramirez Street". A place name
# followed by further capitalised name words and one of these is the person's name, not the
# place; "Kabul Airport", "Kabul International Airport" (no name word between) keep the place.
NAMED_FACILITIES = frozenset(
    ["airport", "stadium", "university", "street", "avenue", "boulevard", "road", "bridge"]
    + ["square", "memorial"]
)
_FACILITY_MODIFIERS = frozenset({"international", "national", "regional"})
# prefixes of a navy's ship names (tocsin.groups.actors.tsv codes them as the navy): the
# name after one is the ship's, not a person's or a place's ("USS Harry S. Truman")
SHIP_PREFIXES = frozenset({"USS", "HMS", "HMCS", "HMAS", "HMNZS"})


def usable_agents(
    agents: list[AgentEntry], texts: list[str], i: int, j: int, stop: int
) -> list[AgentEntry]:
    """The agents of a match that its casing allows ("the commander": the plain entry,
    not the rank "Commander" that wants a capital and a name after it)."""
    if not agents[0].cased:
        return agents
    capital = texts[i][:1].isupper()
    name_after = j < stop and texts[j][:1].isupper()
    usable = [a for a in agents if not a.cased or (capital and (not a.before_name or name_after))]
    return usable


def cased_ok(texts: list[str], i: int, j: int, upper: bool = False) -> bool:
    """An actor name written all in lower case ("us", "china") is not a name; an acronym
    must be written in capitals ("WHO", not "Who")."""
    if upper:
        return all(not texts[k].isalpha() or texts[k].isupper() for k in range(i, j))
    for k in range(i, j):
        text = texts[k]
        if text[:1].isalpha() and not text.islower():
            return True
    return False


def place_ok(doc: Any, i: int, j: int, payload: list[Any]) -> bool:
    """A country's or place's name followed by a capitalised treaty noun names the treaty
    ("the Istanbul Convention"), not the country. A place entry ("Frontera" -> MEX) matches
    only where it is not part of a longer name:
    not after a name particle ("Comandos de la Frontera") and, when NER has run, not in an
    organisation's, person's or work's name, nor an acronym ("CAIR" is not Čair). No entry
    matches the name of a ship after its navy's prefix (:data:`SHIP_PREFIXES`). Other
    entries always match."""
    first = payload[0]
    if isinstance(first, AgentEntry) or not isinstance(first, ActorEntry):
        return True
    if i > 0 and doc[i - 1].text in SHIP_PREFIXES:
        return False  # the ship's name: "USS Harry S. Truman" is no president
    if first.kind in _COUNTRY_KINDS or (first.kind is None and "Countries" in first.source):
        if j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ in TREATY_HEADS:
            return False
    if first.kind is None and "Countries" in first.source and in_facility_name(doc, j):
        return False  # Phoenix lists cities under their country: "Aden" under YEMEN_
    if first.kind != PLACE_KIND:
        return True
    if i > 0 and doc[i - 1].text in NAME_PARTICLES:
        return False
    if in_facility_name(doc, j) or _acronym(doc, i, j):
        return False
    return not any(doc[k].ent_type_ in NOT_PLACE_LABELS for k in range(i, j))


def _acronym(doc: Any, i: int, j: int) -> bool:
    """A one-word match written in capitals ("CAIR", "SAF"): an acronym, not the place."""
    text = doc[i].text
    return j == i + 1 and len(text) > 2 and text.isalpha() and text.isupper()


def in_facility_name(doc: Any, j: int) -> bool:
    """Whether the words from ``doc[j]`` on are further capitalised name words and then a
    facility named after someone ("[Aden] Adde International Airport"): at most three name
    words, then optional "International"/"National", then the facility noun."""
    names = 0
    k = j
    while k < len(doc) and names < 4 and doc[k].text[:1].isupper():
        lower = doc[k].lower_
        if lower in NAMED_FACILITIES:
            return names > 0
        if lower not in _FACILITY_MODIFIERS:
            if k > j and doc[k - 1].lower_ in _FACILITY_MODIFIERS:
                return False  # "Kabul International Zone": name words come before a modifier
            names += 1
        k += 1
    return False
