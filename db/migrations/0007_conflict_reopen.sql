-- A settled conflict remembers the operation that settled it (a person's resolution, or the
-- import that brought the other side's decision). When that operation is undone, the conflict
-- is open again: undoing "采用对方" must not quietly settle the disagreement as ours.
ALTER TABLE exchange_conflicts ADD COLUMN resolved_op INTEGER REFERENCES operations(op_id);
