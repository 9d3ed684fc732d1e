package app.outlay.cli.summary;

import app.outlay.cli.output.Cell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A text bar per total, as long as its size relative to the largest: red for money out, green for money in. */
final class Bars {
    static final int WIDTH = 30;

    private final BigDecimal largest;
    private final String block;

    Bars(List<String> totals, boolean unicode) {
        this.largest = totals.stream().map(total -> new BigDecimal(total).abs()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        this.block = unicode ? "\u2588" : "#";
    }

    Cell bar(String total) {
        BigDecimal amount = new BigDecimal(total);
        if (amount.signum() == 0 || largest.signum() == 0) {
            return Cell.of("");
        }
        int length = amount.abs().multiply(BigDecimal.valueOf(WIDTH)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
        return new Cell(block.repeat(Math.max(1, length)), amount.signum() < 0 ? Cell.Style.RED : Cell.Style.GREEN);
    }
}
