-- 0005: recovery. What restore, check and the search index need to tell one history of a
-- library from another, and a stored document from a damaged one.
--
-- * meta 'generation': a random id, replaced by every restore and stamped anew into every
--   backup file, so an index built for another copy of the library never matches.
-- * search_changes.nonce: a random number per change-log row. An index records the nonce
--   at its high-water mark; a database copied back in time (or rolled back) and edited since
--   has other rows at that mark, so the index sees it is foreign and is rebuilt. The table
--   is rebuilt to add a column with a non-constant default (ALTER TABLE cannot); the 0002
--   triggers name it in their bodies only, so they keep working unchanged.
-- * document_counts: how many parts/sections/measures each document had when stored, so
--   `check` can tell a complete document from one that lost rows.
INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', lower(hex(randomblob(16))));

CREATE TEMP TABLE recovery_log_copy AS SELECT seq, kind, key FROM search_changes;
CREATE TEMP TABLE recovery_log_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'search_changes';
DROP TABLE search_changes;
CREATE TABLE search_changes (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind  TEXT NOT NULL CHECK (kind IN ('measure', 'section', 'document', 'owner')),
    key   TEXT NOT NULL,
    nonce INTEGER NOT NULL DEFAULT (random())
);
INSERT INTO search_changes(seq, kind, key) SELECT seq, kind, key FROM temp.recovery_log_copy ORDER BY seq;
UPDATE sqlite_sequence SET seq = (SELECT seq FROM temp.recovery_log_seq)
    WHERE name = 'search_changes' AND (SELECT seq FROM temp.recovery_log_seq) > seq;
INSERT INTO sqlite_sequence(name, seq)
    SELECT 'search_changes', seq FROM temp.recovery_log_seq
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'search_changes');
DROP TABLE temp.recovery_log_copy;
DROP TABLE temp.recovery_log_seq;

CREATE TABLE document_counts (
    doc_id   TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    parts    INTEGER NOT NULL,
    sections INTEGER NOT NULL,
    measures INTEGER NOT NULL
);
INSERT INTO document_counts(doc_id, parts, sections, measures)
    SELECT d.doc_id,
           (SELECT COUNT(*) FROM parts p WHERE p.doc_id = d.doc_id),
           (SELECT COUNT(*) FROM sections s WHERE s.doc_id = d.doc_id),
           (SELECT COUNT(*) FROM measures m WHERE m.doc_id = d.doc_id)
    FROM documents d;
