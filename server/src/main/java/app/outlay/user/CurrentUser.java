package app.outlay.user;

/** The authenticated caller of a request. */
public record CurrentUser(long id, String username, boolean admin) {}
