package app.outlay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void parsesToMinorUnitsAndWritesTheCurrencysDigits() {
        assertThat(Money.parse("amount", "-10.00", EUR)).isEqualTo(new Money(-1000, EUR));
        assertThat(Money.parse("amount", "-10", EUR).toString()).isEqualTo("-10.00");
        assertThat(Money.parse("amount", "+0.5", EUR).toString()).isEqualTo("0.50");
        assertThat(Money.parse("amount", "1200", JPY).toString()).isEqualTo("1200");
        assertThat(Money.parse("amount", "1.005", BHD).toString()).isEqualTo("1.005");
        assertThat(new Money(-5, EUR).toString()).isEqualTo("-0.05");
    }

    @Test
    void countsFractionDigitsAsWritten() {
        assertThatThrownBy(() -> Money.parse("amount", "-10.000", EUR)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Money.of("amount", new BigDecimal("1.50"), JPY)).isInstanceOf(Invalid.class);
    }

    @Test
    void refusesWhatIsNotAPlainDecimal() {
        for (String text : new String[] {"", " ", "1e3", "1,00", "--1", "0x10", "1.", ".5", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> Money.parse("amount", text, EUR)).as(text).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void refusesMagnitudesPastTheLimitWithoutOverflowing() {
        assertThat(Money.parse("amount", "999999999999.99", EUR).minor()).isEqualTo(99999999999999L);
        assertThatThrownBy(() -> Money.parse("amount", "1000000000000", EUR)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Money.of("amount", new BigDecimal("1e400"), EUR)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> Money.of("amount", new BigDecimal("-1e1000000"), EUR)).isInstanceOf(Invalid.class);
    }
}
