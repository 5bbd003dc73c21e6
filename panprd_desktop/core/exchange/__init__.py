"""Exchange between offices: bundles, returned .xlsx 台账, three-way merge, conflicts.

Design
------
**Identity.** Every library has a ``library_id`` (a random 128-bit hex id made once, by
migration 0004, in ``meta``) and an ``office`` name (``panprd office NAME``). A library made by
copying another's file shares its id: ``panprd office --new-identity`` gives it its own (an
import from "ourselves" is refused with that hint).

**Changes.** The unit of exchange is a row of ``history``: one field of one measure, ``before``
and ``after``. Migration 0004 gives every history row a global ``change_id`` and its origin
(``origin_library``, ``origin_office``; author and time were already there) through a trigger,
so every code path that records history (annotate, undo, redo, document provenance) produces
exchangeable changes without knowing about exchange. Notes get a global ``note_uid``; tags and
owner lists travel as the changes that added or removed members. Imported changes are stored
in history under their *original* id and origin, so a change relayed through a third office is
still recognised as the same change.

**Watermarks.** ``history_id`` is this library's sequence number. A bundle carries its origin's
``seq`` and ``acks`` (for each library it has merged, the highest seq of that library it has);
an import records both in ``exchange_peers``. ``bundle export --to OFFICE`` sends only history
after what that office is known to have (and nothing that office made itself); without
``--to`` everything is sent — always correct, since merging is idempotent. ``--owner NAME``
limits the bundle to the measures that owner leads or joins.

**Merge** (:mod:`.merge`): three-way per field. The change's ``before`` is the last common
value (for a conflict resolution, the value the other side holds). Scalars (status, deadline):
changed on one side only → that side's value; both sides to different values → a conflict,
ours kept, listed by ``panprd conflicts`` until ``panprd resolve`` (which is itself a change,
exported onward). Sets (owners, tags) merge as additions and removals and never conflict;
notes are appended (and removed, when an add was undone) by global id, never duplicated. Every
incoming change id is remembered, so importing twice applies nothing; the outcome of a set of
changes does not depend on the order bundles arrive in, apart from which side a conflict keeps.

**One import = one transaction = one undo step.** The import is an ``operations`` row (kind
``edit``, author "<office>（交换）"); undoing it reverses every value it applied and forgets its
change ids (``exchange_known`` joins the operation's state), so importing again re-applies.
The undo is local: neither it nor the undone import's changes are sent onward, so rejecting a
party's bundle never takes the party's own values or notes back from it.

**Bundle file** (:mod:`.bundle_file`): one JSON document, zipped when the name ends in .zip;
format name and version, origin, changes, and the documents the changes refer to as their
parsed structure, verified against the content hash the library identifies documents by, so
a receiver without the document stores it under the same ids. A SHA-256 checksum covers the
content. Untrusted: size limits on the file and the unpacked JSON (read in bounded chunks: a
zip bomb stops at the limit), nesting bounded, every value type-checked; a foreign, corrupt,
truncated or future-version file is refused with one line before anything is written.

**Returned .xlsx** (:mod:`.xlsx_return`): a 分工表 exported ``--for-return`` carries a hidden,
protected sheet with each row's measure id and the exported values; each edited cell of the
editable columns (进展情况, 状态, 完成时限) becomes a change by that party against the exported
value, merged exactly like a bundle. Ambiguous files are refused, never guessed at.
"""

from panprd_desktop.core.exchange.changes import BundleRejected, Change
from panprd_desktop.core.exchange.service import Exchange, Identity

__all__ = ["BundleRejected", "Change", "Exchange", "Identity"]
