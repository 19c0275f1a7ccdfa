"""The built-in parts of tocsin, registered exactly as a plugin registers its own.

Each section belongs to one stage; registrations are lazy (``module:attribute``) so
that listing the choices imports nothing heavy. See :mod:`tocsin.registry`.
"""

from __future__ import annotations

from tocsin import registry

# -- readers (ingest/) ---------------------------------------------------------------

# -- dictionary sets (data/dictionaries/*/manifest.toml) ------------------------------

registry.dictionaries.register_lazy(
    "tocsin.dictionaries.phoenix.v1", "tocsin.actors.manifest:PHOENIX",
    doc="Phoenix/CAMEO 2.0 dictionaries with the project's own files on top (the default)")
registry.dictionaries.register_lazy(
    "tocsin.dictionaries.petr-validate.v1", "tocsin.actors.manifest:PETR_VALIDATE",
    doc="PETRARCH's validation dictionaries (its unit-test suite)")
registry.dictionaries.register_lazy(
    "tocsin.dictionaries.tocsin.v1", "tocsin.actors.manifest:TOCSIN",
    doc="the project's own dictionary files alone")

# -- pipeline components ---------------------------------------------------------------

# -- alert detectors (analysis/) ------------------------------------------------------

# -- exporters (analysis/ exports) ------------------------------------------------------

__all__ = ["registry"]
