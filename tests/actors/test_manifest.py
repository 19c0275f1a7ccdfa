"""Dictionary sets: one loader for manifests, built-in or a user's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin import registry
from tocsin.actors import ActorResolver
from tocsin.actors.manifest import files_of, layers, read_manifest, resolve_set
from tocsin.errors import DictionaryError


def _folder(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")
    return folder


def test_builtin_sets_are_registered_and_have_manifests() -> None:
    assert {"phoenix", "petr-validate", "tocsin"} <= set(registry.dictionaries.choices())
    assert "tocsin.dictionaries.phoenix.v1" in registry.dictionaries.names()
    for name in ("phoenix", "petr-validate", "tocsin"):
        manifest = read_manifest(resolve_set(name))
        assert manifest.name == name and manifest.verbs and manifest.actors
        assert manifest.language == "en" and manifest.ontology == "cameo"


def test_phoenix_has_the_project_files_on_top() -> None:
    names = [(layer.manifest.name, layer.priority) for layer in layers("phoenix")]
    assert names == [("phoenix", 1), ("tocsin", 0)]
    verbs = [p.name for p, _ in files_of("phoenix", "verbs")]
    assert verbs[0] == "CAMEO.2.0.txt" and "tocsin.verbs.txt" in verbs[1:]  # Phoenix first


def test_folder_without_manifest_follows_petrarch_names(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "plain",
        {
            "My.verbs.txt": "",
            "My.actors.txt": "",
            "My.agents.txt": "",
            "README.md": "actors",
        },
    )
    manifest = read_manifest(folder)
    assert [p.name for p in manifest.verbs] == ["My.verbs.txt"]
    assert [p.name for p in manifest.actors] == ["My.actors.txt"]
    assert manifest.discards == () and manifest.extends == ()


def test_user_set_extends_a_builtin_and_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOCSIN_CACHE_DIR", str(tmp_path / "cache"))
    _folder(tmp_path, "base", {"b.actors.txt": "GONDOR_ [GON]\nARNOR_ [ARN]\n"})
    mine = _folder(
        tmp_path,
        "mine",
        {
            "manifest.toml": 'name = "mine"\nextends = ["../base"]\nactors = ["m.actors.tsv"]\n',
            "m.actors.tsv": "name\tsynonyms\tcode\nGondor\t\tGONGOV\n",
        },
    )
    assert [(layer.manifest.name, layer.priority) for layer in layers(mine)] == [
        ("base", 1),
        ("mine", 0),
    ]
    resolver = ActorResolver.load(mine)
    entries = resolver._trie["GONDOR"][0]  # ACTOR payload, best priority first
    assert entries[0].codes[0].code == "GONGOV"
    assert "ARNOR" in resolver._trie


def test_manifest_errors_are_one_line(tmp_path: Path) -> None:
    bad = _folder(tmp_path, "bad", {"manifest.toml": 'verbz = ["x.txt"]\n'})
    with pytest.raises(DictionaryError, match="unknown key 'verbz'"):
        read_manifest(bad)
    missing = _folder(tmp_path, "missing", {"manifest.toml": 'verbs = ["nope.txt"]\n'})
    with pytest.raises(DictionaryError, match="'nope.txt' not found"):
        read_manifest(missing)
    other = _folder(tmp_path, "other", {"manifest.toml": 'ontology = "plover"\n'})
    with pytest.raises(DictionaryError, match="ontology 'plover'"):
        read_manifest(other)
    with pytest.raises(DictionaryError, match="unknown dictionary set 'nowhere'"):
        resolve_set("nowhere")


def test_sets_extending_each_other_are_an_error(tmp_path: Path) -> None:
    _folder(tmp_path, "a", {"manifest.toml": 'extends = ["../b"]\n'})
    _folder(tmp_path, "b", {"manifest.toml": 'extends = ["../a"]\n'})
    with pytest.raises(DictionaryError, match="circle"):
        layers(tmp_path / "a")
