"""Actor-dictionary coverage of the countries of the bundled corpus.

    python -m bench.actor_coverage [--dictionaries phoenix] [--top 60] [--floor 1.0]

For every country or territory of ``tests/actors/country_forms.tsv`` named in the bundled
corpus (``tocsin/data/samples/*.jsonl``; records of ``reserved_ids.txt`` are skipped), each
of its forms (English and short names, demonyms, capitals) is looked up with the actor
resolver the coder uses (``ActorResolver.find`` on the form alone, tokenised by spaCy's
English tokenizer: no model is loaded); so is every armed group and organisation of
``tests/actors/organisation_forms.tsv``. A form resolves when one mention covers it (a
leading "the" aside) and its code starts with the expected code. Prints the share of forms
that resolve, the ones that do not, and the most frequent countries of the corpus; exits
non-zero below ``--floor``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.jsonlines import read_objects

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "tests" / "actors" / "country_forms.tsv"
ORGANISATIONS = ROOT / "tests" / "actors" / "organisation_forms.tsv"
RESERVED = ROOT.parent / "shared" / "eval" / "reserved_ids.txt"
DATE = dt.date(2026, 6, 1)


@dataclass(frozen=True)
class Form:
    """One way of naming a country: its text and what it is (name, demonym, capital)."""

    code: str
    text: str
    kind: str


def load_forms(path: Path = FORMS) -> dict[str, list[Form]]:
    """Country code -> its forms, from the TSV (comment lines and the header skipped)."""
    out: dict[str, list[Form]] = {}
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    for line in lines[1:]:
        cols = (line.split("\t") + ["", "", ""])[:4]
        code = cols[0].strip()
        forms = out.setdefault(code, [])
        for kind, cell in zip(("name", "demonym", "capital"), cols[1:], strict=True):
            forms.extend(Form(code, t.strip(), kind) for t in cell.split("|") if t.strip())
    return out


def load_organisations(path: Path = ORGANISATIONS) -> list[Form]:
    """Armed groups, IGOs and NGOs with the code (prefix) each must resolve to."""
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return [
        Form(code.strip(), name.strip(), "group")
        for name, code in (ln.split("\t")[:2] for ln in lines[1:])
    ]


def reserved_ids(path: Path = RESERVED) -> set[str]:
    """Corpus ids kept for an independent evaluation (never read); empty if the file is absent."""
    if not path.exists():
        return set()
    return {
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }


def corpus_texts() -> list[str]:
    """Texts of the bundled corpus records, without the reserved ones."""
    skip = reserved_ids()
    texts: list[str] = []
    for path in sorted(resources.files("tocsin.data.samples").iterdir(), key=str):
        if not str(path).endswith(".jsonl"):
            continue
        for _, record in read_objects(path.read_text(encoding="utf-8").splitlines()):
            if record.get("id", "").split("#")[0] in skip:
                continue
            texts.append(f"{record.get('title', '')}\n{record.get('text', '')}")
    return texts


def corpus_counts(forms: dict[str, list[Form]], texts: list[str]) -> Counter[str]:
    """Mentions of each country in the texts (any of its forms, whole words, case kept; one
    regex for all, longest form first, so "Republic of the Congo" inside "Democratic
    Republic of the Congo" counts for COD only)."""
    owner = {f.text: code for code, items in forms.items() for f in items}
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])")
    counts: Counter[str] = Counter({code: 0 for code in forms})
    for text in texts:
        counts.update(owner[m] for m in pattern.findall(text))
    return counts


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en")


def resolve_form(resolver: Any, text: str, date: dt.date = DATE) -> str | None:
    """The code the resolver gives ``text`` as one mention covering it, else None."""
    doc = _tokenizer()(text)
    first = 1 if len(doc) > 1 and doc[0].lower_ == "the" else 0
    for mention in resolver.find(doc, date):
        if mention.start <= first and mention.end >= len(doc):
            return str(mention.code)
    return None


def check(resolver: Any, forms: list[Form]) -> list[tuple[Form, str | None]]:
    """The forms that do not resolve to their country, with what they gave."""
    bad: list[tuple[Form, str | None]] = []
    for form in forms:
        code = resolve_form(resolver, form.text)
        if code is None or not code.startswith(form.code):
            bad.append((form, code))
    return bad


def required_forms(min_count: int = 1) -> tuple[list[Form], Counter[str]]:
    """Forms of every country named at least ``min_count`` times in the corpus, and the counts."""
    forms = load_forms()
    counts = corpus_counts(forms, corpus_texts())
    needed = [f for code, items in forms.items() if counts[code] >= min_count for f in items]
    return needed, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", default="phoenix")
    parser.add_argument("--top", type=int, default=60, help="most frequent countries to list")
    parser.add_argument("--floor", type=float, default=1.0, help="share of forms that must resolve")
    args = parser.parse_args(argv)
    from tocsin.actors import ActorResolver

    resolver = ActorResolver.load_named(args.dictionaries)
    needed, counts = required_forms()
    groups = load_organisations()
    bad = check(resolver, needed)
    bad_groups = check(resolver, groups)
    present = sorted({f.code for f in needed})
    share = 1 - len(bad) / max(1, len(needed))
    for form, got in bad + bad_groups:
        print(f"MISS {form.code} {form.kind:8} {form.text!r} -> {got}")
    top = ", ".join(f"{c} {n}" for c, n in counts.most_common(args.top))
    print(f"top {args.top} countries by corpus mentions: {top}")
    print(
        f"countries in the corpus: {len(present)} of {len(counts)}; forms: {len(needed)}; "
        f"resolved: {len(needed) - len(bad)} ({share:.1%}); floor {args.floor:.0%}"
    )
    group_share = 1 - len(bad_groups) / max(1, len(groups))
    print(
        f"armed groups, IGOs and NGOs: {len(groups)}; resolved: {len(groups) - len(bad_groups)} "
        f"({group_share:.1%}); floor {args.floor:.0%}"
    )
    return 0 if min(share, group_share) >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
