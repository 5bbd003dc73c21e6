"""The Traditional→Simplified folding table is cached on disk, and a bad cache is only rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from panprd_desktop.core import normalize


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANPRD_CACHE_DIR", str(tmp_path / "cache"))
    normalize._fold_table.cache_clear()
    yield tmp_path / "cache"
    normalize._fold_table.cache_clear()


def test_first_use_writes_the_cache_and_the_next_start_reads_the_same_table(cache_dir: Path) -> None:
    built = normalize._build_fold_table()
    assert normalize.fold("廣東省　ＡＢＣ 21 世紀") == "广东省abc21世纪"
    files = list(cache_dir.glob("fold-*.txt"))
    assert len(files) == 1
    normalize._fold_table.cache_clear()
    assert normalize._fold_table() == built  # read back from disk, identical


@pytest.mark.parametrize("damage", ["", "廣", "x" * 5001, None])
def test_a_damaged_or_missing_cache_is_rebuilt(cache_dir: Path, damage: str | None) -> None:
    normalize.fold("港")
    path = next(cache_dir.glob("fold-*.txt"))
    if damage is None:
        path.unlink()
    else:
        path.write_text(damage, encoding="utf-8")
    normalize._fold_table.cache_clear()
    assert normalize.fold("澳門") == "澳门"
    assert normalize._fold_table() == normalize._build_fold_table()


def test_an_unwritable_cache_folder_still_folds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PANPRD_CACHE_DIR", str(blocker / "cache"))
    normalize._fold_table.cache_clear()
    try:
        assert normalize.fold("臺灣") == "台湾"
    finally:
        normalize._fold_table.cache_clear()


@pytest.mark.parametrize("xdg", [None, "/tmp/panprd-xdg-cache", "   ", "relative/cache"])
def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    """paths.user_cache_dir() names the folder itself (platformdirs costs ~4 ms of a search's
    start, issue 13): it must stay the folder platformdirs names, or every user would build
    the table again in a new place."""
    from platformdirs import user_cache_path

    from panprd_desktop.paths import APP_NAME, user_cache_dir

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert user_cache_dir() == user_cache_path(APP_NAME, appauthor=False)
