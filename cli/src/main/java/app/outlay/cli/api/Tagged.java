package app.outlay.cli.api;

/** A resource with the {@code ETag} it was read at, for a later {@code If-Match}. */
public record Tagged<T>(T value, String etag) {}
