package app.outlay.cli.api;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A CSV file to import: its bytes as a stream (opened when sent), its size when known (else -1), its charset,
 * and the query parameters (mapping, dialect, flags) the server takes.
 */
public record ImportRequest(Supplier<InputStream> body, long size, String charset, Map<String, String> parameters) {}
