-- 0003: provenance of annotation values and the masthead's addressee (issue 8).
-- A value comes either from the document itself (an owner bracket, a table column: source
-- 'document', author '原文') or from a person ('user'). History rows and notes carry it, so
-- `show` can say where each value came from and an import never writes over a person's value.
-- Values taken from a document at import are recorded under one operation of kind 'edit' in
-- state 'dropped': in history like any change, but never offered to undo/redo (undoing an
-- import's owners would leave the document without what it says). No table is rebuilt, so
-- migration 0002's search triggers stay as they are.
ALTER TABLE history ADD COLUMN source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'document'));
ALTER TABLE notes ADD COLUMN source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'document'));
CREATE INDEX history_source ON history(measure_id, field, source);

-- 主送 line of the masthead (e.g. '各地级以上市人民政府，顺德区人民政府，省各有关单位').
ALTER TABLE documents ADD COLUMN addressee TEXT NOT NULL DEFAULT '';
-- What the import asked a person to review (JSON list of one-line strings).
ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
