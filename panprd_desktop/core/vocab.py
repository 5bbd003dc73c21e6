"""The fixed vocabularies (statuses, roles, annotation field names), with no imports.

They live apart from :mod:`panprd_desktop.core.model` so the command line can name them in
its options without loading the model's dataclasses (issue 13: ``panprd search`` cold start);
the model re-exports them, so either import works.
"""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "delayed": "滞后",
    "ongoing": "长期推进",
}
ROLES = ("lead", "participant")
# Annotation fields as history and undo name them, and as a person reads them.
FIELD_LABELS: dict[str, str] = {
    "leads": "牵头单位", "participants": "参与单位", "deadline": "完成时限",
    "status": "状态", "tags": "标签", "note": "备注",
}
