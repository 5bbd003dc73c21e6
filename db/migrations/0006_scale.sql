-- 0006: indexes for a library of hundreds of thousands of measures (issue 13). The window's lists
-- come from indexed queries and aggregates, never from reading every measure:
-- the deadline list scans only annotations due by a date (covering: status and id included);
-- reading order (documents by position) sorts without a temporary B-tree on documents.
CREATE INDEX annotations_due ON annotations(deadline_date, status, measure_id);
CREATE INDEX documents_position ON documents(position);
