package app.outlay.cli.output;

import app.outlay.cli.api.Json;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Streams items as one JSON array, each item written as it arrives. */
final class JsonRows implements RowSink {
    private final PrintStream out;
    private final SequenceWriter array;

    JsonRows(PrintStream out) {
        this.out = out;
        try {
            this.array = Json.prettyWriter().writeValuesAsArray(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void add(Object item, List<Cell> cells) {
        try {
            array.write(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            array.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            array.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
        out.flush();
    }
}
