"""Writing the 分工表 .xlsx, optionally "for return" (carrying what the import merges against)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from exporters.pack import BriefingPack
from panprd_desktop.core.exchange.service import Exchange

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library


def export_xlsx(lib: Library, pack: BriefingPack, out: Path, *, for_return: bool = False, owner: str = "",
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Path:
    """Write ``pack`` as an .xlsx 台账; exporters' errors pass through (the CLI shows them)."""
    from exporters.xlsx_writer import ReturnInfo, write_xlsx

    info = None
    if for_return:
        me = Exchange(lib).identity()
        found = lib.owners.find(owner) if owner else None
        owner = found.name if found else owner  # 粤 → 广东省: the party's name as the library spells it
        info = ReturnInfo(library_id=me.library, office=me.office, export_id=uuid.uuid4().hex,
                          exported_at=datetime.now().isoformat(timespec="seconds"), for_owner=owner)
    return write_xlsx(pack, Path(out), progress, cancelled, info)
