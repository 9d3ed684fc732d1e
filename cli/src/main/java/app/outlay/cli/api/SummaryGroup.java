package app.outlay.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One group of a summary; it has only the keys it is grouped by, the others are null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SummaryGroup(String type, String month, String year, String total, long count) {}
