"""Domestic justice: whose people a state's legal acts touch.

Law enforcement (17x) already gives its unnamed patients the enforcing state's country
(:func:`tocsin.coding.eventplace.jurisdiction`: "a Moroccan court sentences a man" MARJUD ->
MARPPL). A state's other legal acts on people it holds, charges or investigates name them
the same way, by a role with no country, and were dropped when the sentence named no
country or several:

- releasing, pardoning or granting amnesty to prisoners (0841) and dropping or dismissing
  charges (081): "The Tatmadaw grants amnesty to over 3,000 political prisoners" (MMRMIL ->
  MMROPP), "Belarus releases 123 political prisoners ... after the United States lifts its
  sanctions" (BLR -> BLROPP);
- investigating (09x): "Mali launches investigations into several soldiers and politicians"
  (MLI -> MLIMIL);
- charging or indicting (11x of a charge verb): "The Malaysian anti-corruption commission
  charges two former military chiefs with money laundering" (MYSGOV -> MYSMIL; the guard
  :func:`tocsin.coding.nonacts.legal_charge` makes a domestic charge 173).

Only a state actor (a country, or one of its government, courts, police, forces, spies or
legislature) has such a jurisdiction: an armed group releasing hostages holds foreigners as
often as its own people, so its unnamed captives keep no country.
"""

from __future__ import annotations

from collections.abc import Iterable

from tocsin.actors.codes import STATE_ROLES
from tocsin.coding.nonacts import CHARGE_WORDS
from tocsin.models import Actor

# codes (prefixes) of a state's legal acts on people besides law enforcement (17x)
RELEASE_CODES = ("0841", "081")
INVESTIGATE_ROOT = "09"
ACCUSE_ROOT = "11"
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "NGM", "MNC", "---", "UNK"})


def is_legal_act(code: str | None, verb_lemma: str) -> bool:
    """Whether ``code`` from the verb ``verb_lemma`` is a state's release, dismissal of
    charges, investigation or charge (not law enforcement, which is 17x)."""
    if code is None:
        return False
    if code.startswith(RELEASE_CODES) or code.startswith(INVESTIGATE_ROOT):
        return True
    return code.startswith(ACCUSE_ROOT) and verb_lemma in CHARGE_WORDS


def state_country(actor: Actor) -> str | None:
    """The country of a state actor (a bare country or a role of a state institution)."""
    root, role = actor.code[:3], actor.code[3:6]
    if len(root) != 3 or not root.isalpha() or root in _NOT_COUNTRIES:
        return None
    if actor.kind == "country" and role in ("", *STATE_ROLES):
        return root
    return root if role in STATE_ROLES and actor.kind in ("agent", "group", "person") else None


def legal_jurisdiction(
    code: str | None, verb_lemma: str, sources: Iterable[Actor], targets: Iterable[Actor]
) -> str | None:
    """The one country of the state actors whose legal act (:func:`is_legal_act`) this is;
    None for other codes, for no state actor, for several countries, and for soldiers
    released (prisoners of war: "Ukraine frees 84 soldiers" in an exchange frees Russians)."""
    if not is_legal_act(code, verb_lemma):
        return None
    if code is not None and code.startswith(RELEASE_CODES) and _soldiers(targets):
        return None
    roots = {root for a in sources if (root := state_country(a)) is not None}
    return next(iter(roots)) if len(roots) == 1 else None


def _soldiers(actors: Iterable[Actor]) -> bool:
    return any(a.code.startswith("---") and a.code[3:6] == "MIL" for a in actors)
