package app.outlay.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Lays out rows in aligned columns, two spaces apart, colouring cells when the terminal allows it. */
final class TextTable {
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final List<Column> columns;
    private final boolean color;
    private final int[] widths;

    /** A layout wide enough for the headers and {@code sample}. */
    TextTable(List<Column> columns, List<List<Cell>> sample, boolean color) {
        this.columns = columns;
        this.color = color;
        this.widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i).label());
            for (List<Cell> row : sample) {
                widths[i] = Math.max(widths[i], width(row.get(i).text()));
            }
        }
    }

    String header() {
        var cells = new ArrayList<String>();
        for (int i = 0; i < widths.length; i++) {
            String padded = pad(columns.get(i).label(), i);
            cells.add(color ? BOLD + padded + RESET : padded);
        }
        return join(cells);
    }

    String line(List<Cell> row) {
        var cells = new ArrayList<String>();
        for (int i = 0; i < widths.length; i++) {
            cells.add(paint(pad(row.get(i).text(), i), row.get(i).style()));
        }
        return join(cells);
    }

    /** A rule as wide as the table, above a footer. */
    String rule() {
        int total = 2 * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        return "-".repeat(total);
    }

    private String pad(String text, int column) {
        String spaces = " ".repeat(Math.max(0, widths[column] - width(text)));
        return columns.get(column).rightAligned() ? spaces + text : text + spaces;
    }

    private String paint(String text, Cell.Style style) {
        if (!color || style == Cell.Style.PLAIN) {
            return text;
        }
        return (style == Cell.Style.GREEN ? GREEN : RED) + text + RESET;
    }

    private static String join(List<String> cells) {
        return String.join("  ", cells).stripTrailing();
    }

    /** Characters as a terminal counts them, near enough: code points. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
