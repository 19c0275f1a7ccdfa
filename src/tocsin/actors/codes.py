"""CAMEO actor codes of dictionary entries: which entry decides a phrase on a date, and the
(code, country, role, kind, label, metonym) parts of an entry or agent, read against the
bundled ontology's country and role codes (used by :mod:`tocsin.actors.resolver`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources

from tocsin.actors.entries import ActorEntry, AgentEntry

# the CAMEO roles of a state's own institutions: government, legislature, courts, armed
# forces, police, intelligence (a country's name beside one names whose it is)
STATE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


@lru_cache(maxsize=1)
def _ontology() -> tuple[frozenset[str], frozenset[str]]:
    """Known 3-letter country/region codes and role codes, from the bundled ontology."""
    base = resources.files("tocsin") / "data" / "ontology"
    countries = _first_column(base.joinpath("actor_countries.tsv").read_text(encoding="utf-8"))
    roles = _first_column(base.joinpath("actor_roles.tsv").read_text(encoding="utf-8"))
    return frozenset(countries), frozenset(roles)


@lru_cache(maxsize=1)
def _country_rows() -> tuple[list[str], ...]:
    """The columns of each row of the bundled ontology's country table (header left out)."""
    base = resources.files("tocsin") / "data" / "ontology"
    text = base.joinpath("actor_countries.tsv").read_text(encoding="utf-8")
    return tuple(line.split("\t") for line in text.splitlines()[1:])


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Upper-cased names of the states of the bundled ontology ("SYRIA", "UNITED STATES")."""
    names: set[str] = set()
    for cols in _country_rows():
        if len(cols) > 7 and cols[2] == "country_iso3":
            names.add(cols[1].upper())
            names.update(n.strip() for n in cols[7].split("|") if n.strip())
    return frozenset(names)


@lru_cache(maxsize=1)
def code_twins() -> dict[str, str]:
    """CAMEO/GDELT codes of a state that has an ISO code too, to the ISO code (ROM -> ROU,
    MTN -> MNE): the ontology's cameo_special rows whose name is a state's."""
    rows = [cols for cols in _country_rows() if len(cols) > 2]
    iso = {cols[1].strip().upper(): cols[0].strip() for cols in rows if cols[2] == "country_iso3"}
    return {
        cols[0].strip(): iso[cols[1].strip().upper()]
        for cols in rows
        if cols[2] == "cameo_special" and cols[1].strip().upper() in iso
    }


@lru_cache(maxsize=1)
def country_types() -> tuple[frozenset[str], frozenset[str]]:
    """(state codes, region codes) of the bundled ontology's country table."""
    rows = [cols for cols in _country_rows() if len(cols) > 2]
    states = frozenset(cols[0].strip() for cols in rows if cols[2] == "country_iso3")
    regions = frozenset(cols[0].strip() for cols in rows if cols[2] == "region")
    return states, regions


def _first_column(text: str) -> list[str]:
    rows = [line.split("\t", 1)[0].strip() for line in text.splitlines()[1:]]
    return [r for r in rows if r]


def entry_kind(entry: ActorEntry, code: str) -> str:
    """country | person | igo | ngo | group, from the entry's declared kind or its codes."""
    if entry.kind in ("country", "person", "igo", "ngo", "group", "agent"):
        return entry.kind
    if entry.kind == "metonym":
        return "country"
    if code.startswith("IGO"):
        return "igo"
    if code.startswith(("NGO", "NGM")):
        return "ngo"
    if "MilNonState" in entry.source:
        return "group"
    countries, _ = _ontology()
    if any(len(c.code) == 3 and c.code in countries for c in entry.codes):
        return "country"  # "UKRAINE_ [USRUKR <911224] [UKR]": a country with a history
    if any(c.dated for c in entry.codes):
        return "person"
    if code[:3] in countries:
        return "country"
    return "group"


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country part, primary role) of a CAMEO actor code: RUSMIL → (RUS, MIL)."""
    if not code or code.startswith("---"):
        _, roles = _ontology()
        role = code[3:6] if len(code) >= 6 else None
        return None, role if role in roles else None
    _, roles = _ontology()
    role = code[3:6] if len(code) >= 6 and code[3:6] in roles else None
    return code[:3], role


def select_entry(entries: list[ActorEntry], date: dt.date | None) -> ActorEntry:
    """The entry that decides a phrase several entries share (``PRESIDENT_BUSH`` is under
    both Bushes). Only the best priority counts (project files over the rest); within it,
    the last entry with a dated code valid on ``date`` (open-ended when ``date`` is None),
    else the last entry, as PETRARCH lets later definitions replace earlier ones."""
    if len(entries) == 1:
        return entries[0]
    best = entries[0].priority
    group = [e for e in entries if e.priority == best]
    for entry in reversed(group):
        if any(c.dated and (c.valid_on(date) if date else c.open_ended) for c in entry.codes):
            return entry
    return group[-1]


Parts = tuple[str, "str | None", "str | None", str, str, bool]


def entry_parts(entry: ActorEntry, date: dt.date | None) -> Parts:
    """(code, country, role, kind, label, metonym) of an entry on ``date``."""
    code = country_first(entry.code_for(date) or "---")
    country, role = split_code(code)
    return code, country, role, entry_kind(entry, code), entry.label(), entry.kind == "metonym"


def country_first(code: str) -> str:
    """Phoenix writes a multinational's home country after the MNC prefix ("MNCUSA" Boeing,
    "MNCUSAHLH" Pfizer); the coder's codes put the country first ("USAMNC"), so the event's
    actor has its country like any other company ("USABUS")."""
    if code.startswith("MNC") and len(code) >= 6 and code[3:6] in _ontology()[0]:
        return code[3:6] + "MNC" + code[6:]
    return code


def agent_parts(agent: AgentEntry) -> Parts:
    """(code, country, role, kind, label, metonym) of an agent alone: ``---MIL``."""
    code = f"{agent.code}---" if agent.prefix else f"---{agent.code}"
    return code, None, agent.code[:3], "agent", agent.label(), False
