"""The coding stage: verb patterns on the dependency parse -> CAMEO/PLOVER events.

``dictionaries`` loads verb/actor dictionary sets, ``engine.code_sentence`` is the pure
core, ``pipeline.Coder`` parses and codes articles, ``ontology`` maps codes to names,
Goldstein scores, quad classes and PLOVER types.
"""
