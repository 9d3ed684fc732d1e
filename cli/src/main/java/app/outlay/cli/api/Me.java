package app.outlay.cli.api;

/** The signed-in user, as {@code GET /api/v1/me} describes them. */
public record Me(String id, String username, boolean admin) {}
