"""The index is derived data: missing, stale, foreign or damaged → rebuilt, answers unchanged."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library

QUERIES = ("港澳", "的", "生态补偿 OR 仲裁", "-港")


def _answers(lib: Library, engine: str) -> list[list[str]]:
    return [lib.search.matching_ids(q, engine=engine) for q in QUERIES]


def _index_files(lib: Library, engine: str) -> list[Path]:
    if engine == "fts5":
        return [lib.path.with_name(lib.path.name + ".fts5")]
    folder = lib.path.with_name(lib.path.name + ".whoosh")
    return sorted(p for p in folder.iterdir() if p.is_file())


def _truth(lib: Library) -> list[list[str]]:
    return [lib.search.matching_ids(q, engine="scan") for q in QUERIES]


def test_deleted_index_is_rebuilt(lib: Library, engine: str) -> None:
    expected = _truth(lib)
    assert _answers(lib, engine) == expected
    lib.search.close()
    if engine == "fts5":
        _index_files(lib, engine)[0].unlink()
    else:
        shutil.rmtree(lib.path.with_name(lib.path.name + ".whoosh"))
    assert _answers(lib, engine) == expected


@pytest.mark.parametrize("damage", ["garbage", "truncate", "zero"])
def test_garbage_in_index_files_is_rebuilt(lib: Library, engine: str, damage: str) -> None:
    expected = _truth(lib)
    assert _answers(lib, engine) == expected
    lib.search.close()
    for path in _index_files(lib, engine):
        if damage == "garbage":
            path.write_bytes(b"\x13\x37 not an index " * 500)
        elif damage == "truncate":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
        else:
            with path.open("r+b") as fh:
                fh.seek(min(4096, max(0, path.stat().st_size // 2)))
                fh.write(b"\x00" * 8192)
    assert _answers(lib, engine) == expected
    assert lib.check() == []


def test_garbage_while_open_is_survived(lib: Library, engine: str) -> None:
    """Damage under an open engine: the failing query rebuilds and retries."""
    expected = _truth(lib)
    assert _answers(lib, engine) == expected
    for path in _index_files(lib, engine):
        path.write_bytes(b"garbage" * 2000)
    assert _answers(lib, engine) == expected


def test_dropped_fts_table_is_rebuilt(lib: Library) -> None:
    expected = _truth(lib)
    assert _answers(lib, "fts5") == expected
    lib.search.close()
    conn = sqlite3.connect(lib.path.with_name(lib.path.name + ".fts5"))
    conn.execute("DROP TABLE fts")
    conn.commit()
    conn.close()
    assert lib.check() != []  # reported as found …
    assert _answers(lib, "fts5") == expected  # … and repaired by the next search
    assert lib.check() == []


def test_dropped_fts_table_under_an_open_engine(lib: Library) -> None:
    expected = _truth(lib)
    assert _answers(lib, "fts5") == expected
    conn = sqlite3.connect(lib.path.with_name(lib.path.name + ".fts5"))
    conn.execute("DROP TABLE fts")
    conn.commit()
    conn.close()
    assert _answers(lib, "fts5") == expected


def test_index_rows_lost_are_noticed(lib: Library) -> None:
    expected = _truth(lib)
    assert _answers(lib, "fts5") == expected
    lib.search.close()
    conn = sqlite3.connect(lib.path.with_name(lib.path.name + ".fts5"))
    conn.execute("DELETE FROM docmap WHERE rowid IN (SELECT rowid FROM docmap LIMIT 5)")
    conn.commit()
    conn.close()
    assert any("holds" in p for p in lib.check())
    assert _answers(lib, "fts5") == expected


def test_foreign_or_old_index_is_rebuilt(tmp_path: Path, engine: str) -> None:
    """An index left from another library (mark ahead of the log) or an old version."""
    a, b = tmp_path / "a" / "lib.sqlite3", tmp_path / "b" / "lib.sqlite3"
    with Library(a) as lib_a:
        lib_a.annotate([lib_a.measures.ids()[0]], Edit(note="只在甲库的备注"))
        for k in range(30):
            lib_a.annotate([lib_a.measures.ids()[k]], Edit(add_tags=(f"t{k}",)))
        lib_a.search.search("的", engine=engine)
    with Library(b) as lib_b:
        pass
    suffix = ".fts5" if engine == "fts5" else ".whoosh"
    src, dst = a.with_name(a.name + suffix), b.with_name(b.name + suffix)
    if engine == "fts5":
        shutil.copy(src, dst)
    else:
        shutil.copytree(src, dst)
    with Library(b) as lib_b:
        assert lib_b.check() != []
        assert lib_b.search.matching_ids("只在甲库", engine=engine) == []
        assert lib_b.search.matching_ids("的", engine=engine) == lib_b.search.matching_ids("的", engine="scan")
    if engine == "whoosh":
        state = dst / "panprd.json"
        state.write_text(json.dumps({"version": "0", "mark": 0}), encoding="utf-8")
        with Library(b) as lib_b:
            assert lib_b.search.matching_ids("的", engine=engine) == lib_b.search.matching_ids("的", engine="scan")


def test_reindex_and_progress(lib: Library, engine: str) -> None:
    seen: list[tuple[int, int]] = []
    count = lib.search.reindex(engine, progress=lambda done, total: seen.append((done, total)))
    assert count == len(lib.measures.ids())
    assert seen and seen[-1] == (count, count)
    assert lib.search.reindex(engine, cancelled=lambda: True) == 0
    assert _answers(lib, engine) == _truth(lib)  # a cancelled rebuild is finished on demand


def test_engine_setting(lib: Library) -> None:
    assert lib.search.engine_name() == "fts5"
    lib.search.set_engine("whoosh")
    assert lib.search.engine_name() == "whoosh"
    assert lib.conn.execute("SELECT value FROM meta WHERE key = 'search_engine'").fetchone()[0] == "whoosh"
    assert lib.search.search("港澳").total == lib.search.search("港澳", engine="scan").total
    lib.search.set_engine(None)
    assert lib.search.engine_name() == "fts5"
