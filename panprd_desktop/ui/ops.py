"""Operations on the library, run on the worker; after each one, one signal carries its Changes.

Panels call these verbs and listen to :attr:`Operations.changed`; each panel decides for itself
whether a :class:`~panprd_desktop.core.model.Changes` record concerns it (Anki's op pattern).
The worker holds ``lib.lock`` only for short transactions (parsing and rendering run off the
lock); the window's own reads go through ``lib.reads`` (a second, read-only connection), so they
never wait for the worker at all. Index rebuilds run in a lane of their own (``side=True``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes, ImportResult, UndoStep
from panprd_desktop.core.readers import SUFFIXES
from panprd_desktop.ui.labels import field_text
from panprd_desktop.ui.qt import QtCore, Signal
from panprd_desktop.ui.worker import JobContext, Worker

IMPORT_SUFFIXES = SUFFIXES  # what the core can read: .txt .md .markdown .docx .pdf .xlsx
log = logging.getLogger(__name__)


class Operations(QtCore.QObject):
    changed = Signal(object)  # Changes, after every operation that changed something
    failed = Signal(str)  # one readable line
    info = Signal(str)  # a short status-bar message
    exported = Signal(object)  # Path of a finished export

    def __init__(self, lib: Library, worker: Worker, author: Callable[[], str],
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.worker = worker
        self._author = author
        self._closed = False
        # A search that finds the index missing or stale builds it in a child process, as 重建索引
        # does (search/fts5_build): the build's Python never competes with the window's.
        lib.search.builds_in_child = True

    def close(self) -> None:
        """The window is closing: accept no new work and deliver no more Changes."""
        self._closed = True

    @property
    def read_only(self) -> bool:
        return self.lib.read_only

    def _writable(self) -> bool:
        if self._closed:
            return False
        if self.lib.read_only:
            self.failed.emit(self.tr("资料库以只读方式打开，不能修改。"))
            return False
        return True

    def _emit(self, changes: Changes) -> None:
        if not changes.empty and not self._closed:
            self.changed.emit(changes)

    # -- annotations ------------------------------------------------------------------------------
    def annotate(self, measure_ids: Sequence[str], edit: Edit, done: Callable[[], None] | None = None,
                 failed: Callable[[str], None] | None = None) -> bool:
        """Submit ``edit``; ``done``/``failed`` tell the caller (e.g. the inspector, which keeps the
        typed text until the write succeeded). False when nothing was submitted."""
        if not measure_ids or not self._writable():
            return False
        ids, author = list(measure_ids), self._author()

        def finished(changes: Changes) -> None:
            if done is not None:
                done()
            self._emit(changes)

        def refused(message: str) -> None:
            if failed is not None:
                failed(message)
            self.failed.emit(message)

        self.worker.submit("annotate", lambda ctx: self.lib.annotate(ids, edit, author),
                           done=finished, failed=refused)
        return True

    def undo(self) -> None:
        if self._writable():
            author = self._author()
            self.worker.submit("undo", lambda ctx: self.lib.undo(author), done=self._emit, failed=self.failed.emit)

    def redo(self) -> None:
        if self._writable():
            author = self._author()
            self.worker.submit("redo", lambda ctx: self.lib.redo(author), done=self._emit, failed=self.failed.emit)

    def undo_redo_texts(self) -> tuple[str | None, str | None]:
        """What undo and redo would do, in words (None when there is nothing)."""
        with self.lib.lock:
            targets = self.lib.annotations.undo_target(), self.lib.annotations.redo_target()
            return tuple(self._describe(t) if t else None for t in targets)  # type: ignore[return-value]

    def _describe(self, step: UndoStep) -> str:
        """``（十）3 状态、完成时限`` with the field names in the UI's language."""
        return f"{step.target} {'、'.join(field_text(f) for f in step.fields)}".strip()

    # -- queries (read-only, on the worker so a long index build never freezes the window) -------
    def query(self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        if self._closed:
            return
        self.worker.submit("query", lambda ctx: fn(), done=done, failed=failed)

    def background(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run the read ``fn`` on the worker, hand its result to ``done`` (a failure is logged)."""
        self.query(fn, done, lambda message: log.warning("background read failed: %s", message))

    def search(self, query: str, filters: Any, limit: int, done: Callable[[Any], None],
               failed: Callable[[str], None]) -> None:
        self.query(lambda: self.lib.search.search(query, filters=filters, limit=limit), done, failed)

    def matching_ids(self, query: str, filters: Any, done: Callable[[Any], None],
                     failed: Callable[[str], None]) -> None:
        def run() -> list[str]:
            if not query and filters is None:
                with self.lib.lock:
                    return list(self.lib.measures.ids())
            return list(self.lib.search.matching_ids(query, filters))

        self.query(run, done, failed)

    def warm_up(self) -> None:
        """Open (and if needed build) the search index in the background after start-up, and
        write the daily snapshot the app deferred so it would not delay the first window."""
        self.query(lambda: self.lib.search.count("泛珠"), lambda _n: None, lambda _m: None)
        self.background(self.lib.backup_if_due, lambda _done: None)

    def reindex(self) -> None:
        def run(ctx: JobContext) -> int:
            # In a child process: folding 300k measures on a thread held the interpreter lock the
            # window needs for every call into its models (issue 13: 40–50 ms stalls).
            return self.lib.search.reindex(progress=ctx.progress, cancelled=ctx.cancelled, separate_process=True)

        self.worker.submit(self.tr("正在重建搜索索引…"), run,
                           done=lambda n: self.info.emit(self.tr("搜索索引已重建：%n 条措施", "", n)),
                           failed=self.failed.emit, long=True, side=True)

    # -- import -----------------------------------------------------------------------------------
    def import_files(self, paths: Sequence[Path]) -> None:
        files = [Path(p) for p in paths if Path(p).suffix.lower() in IMPORT_SUFFIXES]
        if not files or not self._writable():
            if paths and not files:
                self.failed.emit(self.tr("只能导入 .txt、.md、.docx、.pdf 或 .xlsx 文件。"))
            return

        def run(ctx: JobContext) -> list[ImportResult]:
            # All files are parsed before any is stored: a bad file or a cancel imports nothing.
            return self.lib.import_files(files, progress=ctx.progress, check=ctx.check)

        def done(results: list[ImportResult]) -> None:
            names = "、".join(r.title for r in results)
            self.info.emit(self.tr("已导入：{0}").format(names))
            self.changed.emit(Changes(documents=True, extra={"imported": results}))

        self.worker.submit(self.tr("正在导入…"), run, done=done, failed=self.failed.emit,
                           cancelled=lambda: self.info.emit(self.tr("导入已取消")), long=True)

    def remove_document(self, doc_id: str) -> None:
        """Back up, then remove one document (the backup's path goes to the status bar)."""
        if not self._writable():
            return

        def done(result: Any) -> None:
            self.info.emit(self.tr("已移除：{0}；移除前的备份：{1}").format(result.title, str(result.backup)))
            self.changed.emit(Changes(documents=True, extra={"removed": result}))

        self.worker.submit("remove", lambda ctx: self.lib.remove_document(doc_id), done=done, failed=self.failed.emit)

    # -- briefing packs ---------------------------------------------------------------------------
    def build_pack(self, options: Any, selection: dict[str, Any], done: Callable[[Any], None]) -> None:
        """Build a BriefingPack on the worker and hand it to ``done`` on the GUI thread."""
        self.worker.submit("pack", lambda ctx: self.lib.packs.build(options, **selection),
                           done=done, failed=self.failed.emit)

    def print_pack(self, options: Any, selection: dict[str, Any], done: Callable[[Any], None]) -> None:
        """Build the pack and write its PDF on the worker, exactly as 导出 would; hand the
        pages (printing.PdfPages) to ``done`` on the GUI thread for the print preview."""
        from panprd_desktop.ui.printing import PdfPages, pack_pdf

        def run(ctx: JobContext) -> Path:
            pack = self.lib.packs.build(options, **selection)
            ctx.check()
            return pack_pdf(pack, progress=ctx.progress, cancelled=ctx.cancelled)

        self.worker.submit(self.tr("正在准备打印…"), run, done=lambda path: done(PdfPages(path, owned=True)),
                           failed=self.failed.emit, cancelled=lambda: self.info.emit(self.tr("打印已取消")),
                           long=True)

    def export_pack(self, options: Any, selection: dict[str, Any], out: Path, fmt: str,
                    for_return: bool = False, owner: str = "") -> None:
        def run(ctx: JobContext) -> Path:
            pack = self.lib.packs.build(options, **selection)
            ctx.check()
            if fmt == "xlsx":  # the 分工表 台账, the same writer as `panprd export --xlsx [--for-return]`
                from panprd_desktop.core.exchange.xlsx_export import export_xlsx

                return export_xlsx(self.lib, pack, out, for_return=for_return, owner=owner,
                                   progress=ctx.progress, cancelled=ctx.cancelled)
            return self.lib.packs.export(pack, out, fmt, progress=ctx.progress, cancelled=ctx.cancelled)

        def done(path: Path) -> None:
            self.info.emit(self.tr("已导出：{0}").format(str(path)))
            self.exported.emit(path)

        self.worker.submit(self.tr("正在导出…"), run, done=done, failed=self.failed.emit,
                           cancelled=lambda: self.info.emit(self.tr("导出已取消")), long=True)
