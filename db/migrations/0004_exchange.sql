-- 0004: exchange between offices (see panprd_desktop/core/exchange/__init__.py for the design).
-- Library identity in meta; a global id and origin on every history row (= every annotation
-- change) and every note; per-peer watermarks; the change ids already merged; open conflicts.
-- Only ALTER TABLE ... ADD COLUMN on tracked tables: nothing is rebuilt, so the search
-- triggers of 0002 stay in place.

-- A library's identity: made once, here (also for a brand-new library: 0001 made meta).
INSERT OR IGNORE INTO meta(key, value) VALUES ('library_id', lower(hex(randomblob(16))));
INSERT OR IGNORE INTO meta(key, value) VALUES ('office', '');

-- Every change: a global id, and where it was first made (library and office).
-- ``base``: for a conflict resolution, the value the other side holds (what peers merge against);
-- NULL means "before" is the base, as for every ordinary change.
ALTER TABLE history ADD COLUMN change_id TEXT;
ALTER TABLE history ADD COLUMN origin_library TEXT;
ALTER TABLE history ADD COLUMN origin_office TEXT;
ALTER TABLE history ADD COLUMN base TEXT;
UPDATE history SET change_id = lower(hex(randomblob(16))),
                   origin_library = (SELECT value FROM meta WHERE key = 'library_id'),
                   origin_office = ''
 WHERE change_id IS NULL;
CREATE INDEX history_change ON history(change_id);

-- A change written here by any code path (annotate, undo, redo, document provenance) gets its
-- id and this library's origin without that code knowing; imports set them explicitly.
CREATE TRIGGER history_origin AFTER INSERT ON history WHEN NEW.change_id IS NULL BEGIN
    UPDATE history SET change_id = lower(hex(randomblob(16))),
                       origin_library = (SELECT value FROM meta WHERE key = 'library_id'),
                       origin_office = COALESCE((SELECT value FROM meta WHERE key = 'office'), '')
     WHERE history_id = NEW.history_id;
END;

-- Notes: a global id, so the same note arriving twice (or by two routes) is stored once.
ALTER TABLE notes ADD COLUMN note_uid TEXT;
UPDATE notes SET note_uid = lower(hex(randomblob(16))) WHERE note_uid IS NULL;
CREATE UNIQUE INDEX notes_uid ON notes(note_uid);
CREATE TRIGGER notes_uid_default AFTER INSERT ON notes WHEN NEW.note_uid IS NULL BEGIN
    UPDATE notes SET note_uid = lower(hex(randomblob(16))) WHERE note_id = NEW.note_id;
END;

-- What we know of each other library: the highest of its sequence numbers we have merged
-- (received_seq) and the highest of ours it is known to have (acked_seq, from its bundles).
CREATE TABLE exchange_peers (
    library_id   TEXT PRIMARY KEY,
    office       TEXT NOT NULL DEFAULT '',
    received_seq INTEGER NOT NULL DEFAULT 0,
    acked_seq    INTEGER NOT NULL DEFAULT 0,
    last_seen_at TEXT NOT NULL
);

-- Every incoming change id that an import considered (applied, equal, or a conflict), with the
-- import's operation: an undone import forgets its changes, so importing again re-applies them.
CREATE TABLE exchange_known (
    change_id TEXT NOT NULL,
    op_id     INTEGER NOT NULL REFERENCES operations(op_id),
    PRIMARY KEY (change_id, op_id)
);

-- Same field changed on both sides to different values: ours is kept until someone decides.
CREATE TABLE exchange_conflicts (
    conflict_id    TEXT PRIMARY KEY,
    measure_id     TEXT NOT NULL REFERENCES measures(measure_id) ON DELETE CASCADE,
    field          TEXT NOT NULL,
    base           TEXT NOT NULL,        -- JSON: the last common value
    ours           TEXT NOT NULL,        -- JSON
    theirs         TEXT NOT NULL,        -- JSON
    theirs_change  TEXT NOT NULL,
    theirs_author  TEXT NOT NULL,
    theirs_at      TEXT NOT NULL,
    theirs_office  TEXT NOT NULL,
    theirs_library TEXT NOT NULL,
    op_id          INTEGER NOT NULL REFERENCES operations(op_id),   -- the import that found it
    state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
    resolution     TEXT                  -- ours | theirs | value | peer
);
CREATE INDEX exchange_conflicts_open ON exchange_conflicts(state, measure_id, field);
