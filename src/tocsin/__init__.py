"""tocsin: news to structured political event data, with early warning."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt

    from tocsin.models import Event


def code_text(text: str, date: "dt.date | str | None" = None, **kwargs: Any) -> "list[Event]":
    """Code a text (a sentence, paragraph or article body) into events."""
    from tocsin.coding.api import code_text as _code_text

    return _code_text(text, date=date, **kwargs)


__all__ = ["__version__", "code_text"]
