package app.outlay.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of cells under named columns, with an optional footer line (a total) shown in tables only. */
public final class Table {
    private final List<Column> columns;
    private final List<List<Cell>> rows = new ArrayList<>();
    private List<Cell> footer;

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public Table(Column... columns) {
        this(Arrays.asList(columns));
    }

    public Table row(List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public Table row(Cell... cells) {
        return row(Arrays.asList(cells));
    }

    public Table footer(Cell... cells) {
        footer = List.of(cells);
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Cell>> rows() {
        return rows;
    }

    List<Cell> footer() {
        return footer;
    }
}
