-- The running totals keyed by ledger, month and type (V002 keyed them by ledger, type and month): a summary
-- asks for a range of months, which is now one contiguous range of the key instead of one per type. The
-- trigger's ON CONFLICT (ledger_id, type, month) finds the new key as before: the columns are the same.

ALTER TABLE expense_total DROP CONSTRAINT expense_total_pkey;
ALTER TABLE expense_total ADD PRIMARY KEY (ledger_id, month, type);
