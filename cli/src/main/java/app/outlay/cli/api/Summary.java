package app.outlay.cli.api;

import java.util.List;

/** Totals of a ledger, overall and per group. */
public record Summary(String currency, String total, long count, List<SummaryGroup> groups) {}
