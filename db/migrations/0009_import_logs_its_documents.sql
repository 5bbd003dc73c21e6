-- 0009: an import logs each new document once for the search index, not each measure (issue 13).
-- Even stepping aside (0008), the per-row trigger cost every inserted measure a trigger
-- program and its meta lookup — with the log it wrote, a third of storing a document. The
-- import (Documents.store, the only code that inserts measures) now writes one
-- ('document', doc_id) row in the same transaction; the index reads a document row as "every
-- measure of this document" (search/documents.dirty_since), as it always did for a renamed
-- or removed document. A measure inserted by another program is not logged; `panprd check`
-- names its document as incomplete (its stored counts no longer match, migration 0005).
DROP TRIGGER search_measures_ai;
