package app.outlay.cli.api;

/** A new personal access token; {@code token} is its secret, shown only once. */
public record IssuedToken(String id, String name, String token, String createdAt) {}
