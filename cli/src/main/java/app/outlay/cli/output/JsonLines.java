package app.outlay.cli.output;

import app.outlay.cli.api.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Items as JSON Lines: each item one compact JSON object on a line of its own, for a stream that has no end. */
final class JsonLines implements RowSink {
    private final PrintStream out;

    JsonLines(PrintStream out) {
        this.out = out;
    }

    @Override
    public void add(Object item, List<Cell> cells) {
        try {
            Json.mapper().writeValue(out, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
