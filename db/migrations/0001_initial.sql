-- 0001: documents → parts → sections → measures; owners; annotations with history.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,           -- stable: derived from the text's content hash
    title        TEXT NOT NULL,
    doc_no       TEXT NOT NULL DEFAULT '',
    date         TEXT,                       -- ISO date or NULL
    issuer       TEXT NOT NULL DEFAULT '',
    preamble     TEXT NOT NULL DEFAULT '',
    closing      TEXT NOT NULL DEFAULT '',
    remarks      TEXT NOT NULL DEFAULT '',
    source_name  TEXT NOT NULL DEFAULT '',
    encoding     TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL UNIQUE,
    imported_at  TEXT NOT NULL,
    position     INTEGER NOT NULL
);

CREATE TABLE parts (
    part_id  INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    label    TEXT NOT NULL,
    title    TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX parts_doc ON parts(doc_id, position);

CREATE TABLE sections (
    section_id INTEGER PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    part_id    INTEGER NOT NULL REFERENCES parts(part_id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    label      TEXT NOT NULL,
    heading    TEXT NOT NULL,                -- title sentence as written, e.g. '…体系。'
    title      TEXT NOT NULL,
    position   INTEGER NOT NULL
);
CREATE INDEX sections_part ON sections(part_id, position);
CREATE INDEX sections_doc ON sections(doc_id, position);

CREATE TABLE measures (
    measure_id TEXT PRIMARY KEY,             -- '<doc_id>.<section>.<n>', stable across re-import
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(section_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,             -- 1-based within the section
    label      TEXT NOT NULL,                -- '（十）3'
    text       TEXT NOT NULL
);
CREATE INDEX measures_section ON measures(section_id, position);
CREATE INDEX measures_doc ON measures(doc_id);

CREATE TABLE owners (
    owner_id INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('party', 'central', 'custom')),
    position INTEGER NOT NULL
);

CREATE TABLE owner_aliases (
    folded   TEXT PRIMARY KEY,               -- normalized alias (width/case/Traditional folded)
    alias    TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES owners(owner_id) ON DELETE CASCADE
);
CREATE INDEX owner_aliases_owner ON owner_aliases(owner_id);

CREATE TABLE measure_owners (
    measure_id TEXT NOT NULL REFERENCES measures(measure_id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('lead', 'participant')),
    owner_id   INTEGER NOT NULL REFERENCES owners(owner_id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (measure_id, role, owner_id)
);
CREATE INDEX measure_owners_owner ON measure_owners(owner_id, role);

CREATE TABLE annotations (
    measure_id    TEXT PRIMARY KEY REFERENCES measures(measure_id) ON DELETE CASCADE,
    deadline_text TEXT NOT NULL DEFAULT '',
    deadline_date TEXT,                      -- ISO date derived from deadline_text, or NULL
    status        TEXT NOT NULL DEFAULT 'not_started'
                  CHECK (status IN ('not_started', 'in_progress', 'done', 'delayed', 'ongoing')),
    updated_at    TEXT NOT NULL
);
CREATE INDEX annotations_status ON annotations(status);
CREATE INDEX annotations_deadline ON annotations(deadline_date);

CREATE TABLE measure_tags (
    measure_id TEXT NOT NULL REFERENCES measures(measure_id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (measure_id, tag)
);
CREATE INDEX measure_tags_tag ON measure_tags(tag);

CREATE TABLE notes (
    note_id    INTEGER PRIMARY KEY,
    measure_id TEXT NOT NULL REFERENCES measures(measure_id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX notes_measure ON notes(measure_id, at);

-- One row per user action (an annotate call, an undo, ...): the unit of undo/redo.
CREATE TABLE operations (
    op_id   INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    author  TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
    target  INTEGER REFERENCES operations(op_id),   -- for undo/redo: the edit they act on
    state   TEXT NOT NULL DEFAULT 'done'            -- for edits: done | undone | dropped
            CHECK (state IN ('done', 'undone', 'dropped'))
);

-- Every annotation change: who, when, which field, before and after (JSON).
CREATE TABLE history (
    history_id INTEGER PRIMARY KEY,
    op_id      INTEGER NOT NULL REFERENCES operations(op_id),
    measure_id TEXT NOT NULL REFERENCES measures(measure_id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    author     TEXT NOT NULL,
    field      TEXT NOT NULL,
    before     TEXT NOT NULL,
    after      TEXT NOT NULL
);
CREATE INDEX history_measure ON history(measure_id, history_id);
CREATE INDEX history_op ON history(op_id);
