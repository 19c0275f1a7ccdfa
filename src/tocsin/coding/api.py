"""``tocsin.code_text``: code a text with the default settings (one Coder per process)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tocsin.coding.pipeline import Coder
from tocsin.models import Event
from tocsin.settings import Settings, load_settings

_CODERS: dict[tuple[str, str, int], Coder] = {}


def get_coder(settings: Settings | None = None, dictionaries: str | None = None) -> Coder:
    """A Coder for these settings and dictionaries, built once per process."""
    settings = settings or load_settings()
    key = (settings.spacy_model, dictionaries or settings.dictionaries, settings.batch_size)
    coder = _CODERS.get(key)
    if coder is None:
        coder = _CODERS[key] = Coder(settings, dictionaries=dictionaries)
    return coder


def code_text(text: str, date: dt.date | str | None = None, *, title: str | None = None,
              dictionaries: str | None = None, settings: Settings | None = None,
              options: dict[str, Any] | None = None) -> list[Event]:
    """Code a text (sentence, paragraph or article body) into events."""
    return get_coder(settings, dictionaries).code_text(text, date=date, title=title, options=options)
