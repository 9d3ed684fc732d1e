package app.outlay.importer;

import java.time.LocalDate;

/** One valid row of an imported file: the expense it becomes, and the physical line it starts on. */
record ImportRow(long line, LocalDate date, String type, long amount, String description) {}
