"""Actors: who is who in a sentence.

Readers of PETRARCH/TABARI actor, agent and discard dictionaries (and the project's
own TSV dictionary), a token trie that finds actor mentions in a spaCy Doc, noun
phrase resolution (country + role, possessives, titles, metonymy) and a simple
per-article coreference. See README.md in this folder for the calling contract.
"""

from tocsin.actors.coref import Coreference
from tocsin.actors.dictionary import (
    ActorEntry,
    AgentEntry,
    CodeSpec,
    DiscardEntry,
    read_actor_file,
    read_agent_file,
    read_discard_file,
)
from tocsin.actors.resolver import ActorResolver, bundled_dictionary_dir
from tocsin.models import Mention

__all__ = [
    "ActorEntry",
    "ActorResolver",
    "AgentEntry",
    "CodeSpec",
    "Coreference",
    "DiscardEntry",
    "Mention",
    "bundled_dictionary_dir",
    "read_actor_file",
    "read_agent_file",
    "read_discard_file",
]
