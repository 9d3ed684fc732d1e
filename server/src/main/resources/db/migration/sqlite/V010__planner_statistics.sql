-- What SQLite's query planner knows of the expense indexes, written by hand so that plans do not depend on
-- how much data a database happens to hold. Without statistics the planner takes an equality on an index's
-- first column to select ~10 rows, so it thought ledger_id = ? already narrow and chose the index by date for a
-- listing of one type in a month: it read the whole month to find that type's rows (3 ms for a rare type at a
-- million rows, 30 us by the index by type), and the index by amount for one type sorted by amount (1.6 s).
-- The figures describe a large ledger: rows in the table, then rows per distinct value of the index's first
-- column, first two columns, and so on. ANALYZE would replace them with measured ones; nothing runs it.
ANALYZE ledger_member; -- creates sqlite_stat1 (an application may not create it itself)
DELETE FROM sqlite_stat1;
DELETE FROM sqlite_stat4; -- the samples ANALYZE took of ledger_member
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('expense', 'expense_by_date',   '1000000 100000 30 1'),
    ('expense', 'expense_by_type',   '1000000 100000 5000 3 1'),
    ('expense', 'expense_by_amount', '1000000 100000 20 1'),
    ('expense', 'expense_by_import', '100000 100000 1000 1');
ANALYZE sqlite_schema; -- this connection reads the figures now; others with the schema change
