package app.outlay.token;

import java.time.Instant;

/** A personal access token as listed: its secret is never part of it. */
public record Token(long id, String name, Instant createdAt) {}
