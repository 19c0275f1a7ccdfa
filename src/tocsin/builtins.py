"""The built-in parts of tocsin, registered exactly as a plugin registers its own.

Each section belongs to one stage; registrations are lazy (``module:attribute``) so
that listing the choices imports nothing heavy. See :mod:`tocsin.registry`.
"""

from __future__ import annotations

from tocsin import registry

# -- readers (ingest/) ---------------------------------------------------------------

# -- dictionary sets (data/dictionaries/*/manifest.toml) ------------------------------

# -- pipeline components ---------------------------------------------------------------

# -- alert detectors (analysis/) ------------------------------------------------------

# -- exporters (analysis/ exports) ------------------------------------------------------

__all__ = ["registry"]
