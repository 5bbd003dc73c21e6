-- 0002: the search change log. Every change to text the search index covers appends one row
-- here through plain-SQL triggers (no app-defined functions, so any sqlite tool can still
-- edit the database and the index will notice). Each search engine keeps its own high-water
-- mark (the last seq it has indexed) and re-indexes only the measures named after it.
-- kind: 'measure' (key = measure_id), 'section' (key = section_id), 'document' (key = doc_id),
--       'owner' (key = owner_id).
CREATE TABLE search_changes (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('measure', 'section', 'document', 'owner')),
    key  TEXT NOT NULL
);

CREATE TRIGGER search_measures_ai AFTER INSERT ON measures BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
CREATE TRIGGER search_measures_au AFTER UPDATE ON measures BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
    INSERT INTO search_changes(kind, key) SELECT 'measure', NEW.measure_id WHERE NEW.measure_id <> OLD.measure_id;
END;
CREATE TRIGGER search_measures_ad AFTER DELETE ON measures BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;

CREATE TRIGGER search_notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
CREATE TRIGGER search_notes_au AFTER UPDATE ON notes BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
    INSERT INTO search_changes(kind, key) SELECT 'measure', NEW.measure_id WHERE NEW.measure_id <> OLD.measure_id;
END;
CREATE TRIGGER search_notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;

CREATE TRIGGER search_tags_ai AFTER INSERT ON measure_tags BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
CREATE TRIGGER search_tags_au AFTER UPDATE ON measure_tags BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
    INSERT INTO search_changes(kind, key) SELECT 'measure', NEW.measure_id WHERE NEW.measure_id <> OLD.measure_id;
END;
CREATE TRIGGER search_tags_ad AFTER DELETE ON measure_tags BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;

CREATE TRIGGER search_mowners_ai AFTER INSERT ON measure_owners BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
CREATE TRIGGER search_mowners_au AFTER UPDATE ON measure_owners BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
    INSERT INTO search_changes(kind, key) SELECT 'measure', NEW.measure_id WHERE NEW.measure_id <> OLD.measure_id;
END;
CREATE TRIGGER search_mowners_ad AFTER DELETE ON measure_owners BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;

CREATE TRIGGER search_annotations_ai AFTER INSERT ON annotations BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', NEW.measure_id);
END;
CREATE TRIGGER search_annotations_au AFTER UPDATE ON annotations BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;
CREATE TRIGGER search_annotations_ad AFTER DELETE ON annotations BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('measure', OLD.measure_id);
END;

CREATE TRIGGER search_sections_au AFTER UPDATE OF title, heading, label, doc_id ON sections BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('section', CAST(OLD.section_id AS TEXT));
END;
CREATE TRIGGER search_sections_ad AFTER DELETE ON sections BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('section', CAST(OLD.section_id AS TEXT));
END;

CREATE TRIGGER search_documents_au AFTER UPDATE OF title, doc_id ON documents BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('document', OLD.doc_id);
END;
CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('document', OLD.doc_id);
END;

CREATE TRIGGER search_owners_au AFTER UPDATE OF name ON owners BEGIN
    INSERT INTO search_changes(kind, key) VALUES ('owner', CAST(OLD.owner_id AS TEXT));
END;
