-- 0008: an import logs its new measures for the search index in one statement (issue 13).
-- The 0002 trigger wrote one search_changes row per inserted measure, a trigger program and
-- an AUTOINCREMENT update for each — a fifth of storing a document. While a document's
-- measures are inserted, the import names the document in meta('bulk_measure_log'); the
-- trigger then leaves its rows to the import, which appends them right after the measures
-- (INSERT … SELECT in insertion order): the same rows, in the same order, as before. Any
-- other insert — another program, the sqlite3 shell, an exchange merge — is logged by the
-- trigger exactly as before. The meta row lives only inside the import's transaction.
DROP TRIGGER search_measures_ai;
CREATE TRIGGER search_measures_ai AFTER INSERT ON measures
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bulk_measure_log' AND value = NEW.doc_id)
BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
