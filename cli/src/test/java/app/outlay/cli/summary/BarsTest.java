package app.outlay.cli.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.output.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsTest {

    @Test
    void theLargestTotalGetsTheFullWidthAndTheOthersTheirShare() {
        var bars = new Bars(List.of("-300.00", "150.00", "-0.01", "0.00"), false);

        assertThat(bars.bar("-300.00")).isEqualTo(new Cell("#".repeat(30), Cell.Style.RED));
        assertThat(bars.bar("150.00")).isEqualTo(new Cell("#".repeat(15), Cell.Style.GREEN));
        assertThat(bars.bar("-0.01").text()).isEqualTo("#");
        assertThat(bars.bar("0.00").text()).isEmpty();
    }

    @Test
    void barsAreBlocksWhereTheTerminalShowsThem() {
        assertThat(new Bars(List.of("-1500"), true).bar("-1500").text()).isEqualTo("\u2588".repeat(30));
    }
}
