"""One error hierarchy for tocsin.

Every error the library raises on purpose is a :class:`TocsinError`. Each
subclass carries a short stable code (``E1xx`` ingest, ``E2xx`` store, ...),
so messages can be looked up and tests can pin them. The CLI turns these into
a one-line message and an exit code; the API into one JSON error shape.
"""

from __future__ import annotations


class TocsinError(Exception):
    """Base class of all tocsin errors."""

    code: str = "E000"
    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(TocsinError):
    """A setting is missing or invalid."""

    code = "E001"
    exit_code = 2
    http_status = 500


class InputError(TocsinError):
    """The user's input (a file, a parameter, a query) is invalid."""

    code = "E002"
    exit_code = 2
    http_status = 400


class NotFoundError(TocsinError):
    """A requested object (article, event, alert) does not exist."""

    code = "E003"
    exit_code = 3
    http_status = 404


class AuthError(TocsinError):
    """A write was attempted without the right token."""

    code = "E004"
    exit_code = 4
    http_status = 401


class WriteDisabledError(AuthError):
    """Writes are disabled (no API token configured)."""

    code = "E005"
    http_status = 403


class IngestError(TocsinError):
    """One source item could not be ingested (reported, never fatal to a batch)."""

    code = "E100"


class FetchError(IngestError):
    """A URL or feed could not be fetched."""

    code = "E101"


class StoreError(TocsinError):
    """The database could not be opened, migrated or written."""

    code = "E200"


class DictionaryError(TocsinError):
    """A dictionary file is malformed or missing."""

    code = "E300"
    exit_code = 2


class ModelError(TocsinError):
    """The spaCy pipeline could not be loaded."""

    code = "E301"
    exit_code = 2


class GeoError(TocsinError):
    """The gazetteer could not be loaded or queried."""

    code = "E400"


class RegistryError(TocsinError):
    """A registry name is malformed or names nothing registered."""

    code = "E010"
    exit_code = 2
    http_status = 400
    templates = {
        "E010": "bad {kind} name {name!r}: use tocsin.<kind>.<short>.v<N>",
        "E011": "no {kind} named {name!r} (choices: {choices})",
        "E012": "lazy registration {name!r} needs 'module:attribute', got {target!r}",
    }

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(self.templates[code].format(**fields), code=code)
