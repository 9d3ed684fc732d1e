-- The server merges the words' index while no one writes (WordIndexMerger), with FTS5's 'merge' command: with
-- usermerge at 2 (4 by default) it merges any two segments of one level, so that a level keeps one segment, and
-- a search reads a few segments instead of the ~25 a load of a million rows leaves (0.071 -> 0.044 ms a month's
-- word). It merges no level of one segment: the large ones are not written again after every few new rows.
INSERT INTO expense_text (expense_text, rank) VALUES ('usermerge', 2);
