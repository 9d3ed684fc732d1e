package app.outlay.cli.api;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record ExpensePage(List<Expense> items, String nextCursor) {}
