"""tocsin: news to structured political event data, with early warning."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt

    from tocsin.models import Event
    from tocsin.settings import Settings


def code_text(text: str, date: dt.date | str | None = None, *, title: str | None = None,
              dictionaries: str | None = None, settings: Settings | None = None,
              options: dict[str, Any] | None = None) -> list[Event]:
    """Code a text (a sentence, paragraph or article body) into events, with the configured
    pipeline (built once per process for these settings and dictionaries)."""
    from tocsin.pipeline import get_coder
    from tocsin.settings import load_settings

    coder = get_coder(settings or load_settings(), dictionaries)
    return coder.code_text(text, date=date, title=title, options=options)


__all__ = ["__version__", "code_text"]
