package app.outlay.cli.output;

import java.util.List;

/** Rows written as they arrive, page by page, so that a listing of any length streams. */
public interface RowSink extends AutoCloseable {

    /** One row: {@code item} for JSON, {@code cells} for a table or CSV. */
    void add(Object item, List<Cell> cells);

    /** Writes what has been added so far. */
    void flush();

    /** Ends the output (closes the JSON array); standard output itself stays open. */
    @Override
    void close();
}
