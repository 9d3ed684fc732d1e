-- The words of descriptions as in V006, without FTS5's table of column sizes (columnsize=0): it holds the
-- number of words of each column of each row, which only ranking (bm25) reads, and Outlay ranks nothing.
-- Every row written paid for a row there: an import of 1,000,000 rows spent a third of its word indexing
-- on it (2.4 -> 1.6 s of CPU). Searches read the index of words, which is unchanged.
-- The triggers of V006 keep writing to the new table: they name it, not its options.

DROP TABLE expense_text;

CREATE VIRTUAL TABLE expense_text USING fts5 (
    scope,       -- 'l<ledger> l<ledger>y<yyyy> l<ledger>m<yyyymm>': one word each (unicode61 splits at '_')
    description,
    content = '',
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO expense_text (rowid, scope, description)
SELECT id,
       'l' || ledger_id || ' l' || ledger_id || 'y' || substr(date, 1, 4)
           || ' l' || ledger_id || 'm' || substr(date, 1, 4) || substr(date, 6, 2),
       description
FROM expense;
