package app.outlay.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One expense; {@code amount} is the server's decimal string, kept as it was sent. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Expense(String id, String date, String type, String amount, String description, long version,
                      String createdAt, String updatedAt, String createdBy, String updatedBy) {}
