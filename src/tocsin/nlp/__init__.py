"""The nlp stage: load the spaCy pipeline (by package name, from settings) and parse.

``load_pipeline`` (``model.py``) loads an installed pipeline once per process;
``parse_articles`` (``parse.py``) parses titles apart from bodies with ``nlp.pipe``;
``Doc`` is the type of a parsed document (``spacy.tokens.Doc``) for annotations.
"""

from __future__ import annotations

from tocsin.nlp.model import DEFAULT_MODEL, components, load_pipeline
from tocsin.nlp.parse import Doc, ParsedArticle, parse_articles, parse_bodies, parse_texts

__all__ = [
    "DEFAULT_MODEL",
    "Doc",
    "ParsedArticle",
    "components",
    "load_pipeline",
    "parse_articles",
    "parse_bodies",
    "parse_texts",
]
