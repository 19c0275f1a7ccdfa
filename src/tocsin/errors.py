"""One error hierarchy for tocsin, and the catalogue of its codes.

Every error the library raises on purpose is a :class:`TocsinError`. Each carries a
short stable code (``E0xx`` general, ``E1xx`` ingest, ``E2xx`` store, ``E3xx`` coding,
``E4xx`` geo, ``E5xx`` batch) declared in :data:`CATALOGUE` with what it means, so
messages can be looked up and tests can pin them (a test checks that every code raised
in ``src/tocsin`` is declared here and documented in the README's Errors section).
The CLI turns these into a one-line message and an exit code; the API into one JSON
error shape.
"""

from __future__ import annotations

# code -> what it means (the README's Errors section lists the same codes)
CATALOGUE: dict[str, str] = {
    "E000": "internal error (a bug): the message names the exception",
    "E001": "a setting is invalid: unknown table or key, a value of the wrong type, a "
            "missing or malformed config file",
    "E002": "the input is invalid: a file, a record, a command-line or API parameter",
    "E003": "not found: no article, event or alert with that id",
    "E004": "a write was attempted without the right API token",
    "E005": "writes are disabled: no api.token is configured",
    "E006": "an API path was asked with a method it does not answer",
    "E010": "a registry name is malformed (use tocsin.<kind>.<short>.v<N>)",
    "E011": "a registry lookup names nothing registered (the message lists the choices)",
    "E012": "a lazy registration does not name 'module:attribute'",
    "E100": "one source item could not be ingested (reported, the others go on)",
    "E101": "a URL or feed could not be fetched",
    "E200": "the database could not be opened, migrated or written",
    "E300": "a dictionary set or file is missing or malformed",
    "E301": "the spaCy pipeline is not installed or could not be loaded",
    "E302": "the configured pipeline cannot run: a component is unknown or needs what no "
            "earlier component sets",
    "E400": "the gazetteer could not be loaded or queried",
    "E500": "a batch run failed",
    "E501": "a batch run has no input: no file matches, or none has a known format",
    "E502": "a batch option is invalid (e.g. a partition size below 1)",
    "E503": "a batch output directory has no readable manifest (missing, invalid JSON, "
            "or another version)",
    "E504": "the Dask scheduler (or a local cluster) cannot be reached or started",
    "E505": "a batch output does not match its manifest (a partition file missing or changed)",
}


class TocsinError(Exception):
    """Base class of all tocsin errors."""

    code: str = "E000"
    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:  # a code of the catalogue (tests/test_errors.py checks)
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


class MethodNotAllowedError(TocsinError):
    """An API path asked with a method it does not answer (the answer has ``Allow``)."""

    code = "E006"
    http_status = 405


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


class PipelineError(TocsinError):
    """The configured pipeline components cannot run in this order."""

    code = "E302"
    exit_code = 2


class GeoError(TocsinError):
    """The gazetteer could not be loaded or queried."""

    code = "E400"


class BatchError(TocsinError):
    """A batch run (``tocsin batch`` / ``tocsin load``) failed."""

    code = "E500"
    exit_code = 2


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


def describe(code: str) -> str:
    """What an error code means (``tocsin`` errors are looked up by code)."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise KeyError(f"unknown error code {code!r}") from None
