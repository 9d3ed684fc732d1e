package app.outlay.cli.output;

/** One value of a table, with the colour it gets on a terminal that allows colour. */
public record Cell(String text, Style style) {

    public enum Style { PLAIN, GREEN, RED }

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell of(Object value) {
        return new Cell(value == null ? "" : value.toString(), Style.PLAIN);
    }

    /** An amount exactly as the server wrote it; money in (a positive amount) is green. */
    public static Cell amount(String amount) {
        return new Cell(amount, isMoneyIn(amount) ? Style.GREEN : Style.PLAIN);
    }

    static boolean isMoneyIn(String amount) {
        return amount != null && !amount.startsWith("-") && amount.chars().anyMatch(c -> c >= '1' && c <= '9');
    }
}
