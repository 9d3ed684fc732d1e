package app.outlay.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.outlay.common.Invalid;
import app.outlay.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final Expense LAST = new Expense(42, 1, LocalDate.of(2023, 11, 11), "food",
            new Money(-1000, Currency.getInstance("EUR")), "", 1, Instant.EPOCH, Instant.EPOCH, null, null);

    @Test
    void roundTripsThroughItsOpaqueForm() {
        for (Sort sort : Sort.values()) {
            Cursor cursor = Cursor.after(sort, LAST);
            assertThat(Cursor.decode(cursor.encode(), sort)).isEqualTo(cursor);
        }
    }

    @Test
    void isOnlyValidForTheSortItWasMadeFor() {
        String byAmount = Cursor.after(Sort.AMOUNT, LAST).encode();

        assertThatThrownBy(() -> Cursor.decode(byAmount, Sort.DATE_DESC)).isInstanceOf(Invalid.class);
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"", "garbage", "ZGF0ZXx4fDE", "LWRhdGV8MjAyMy0wMi0zMHwx", "%%%"}) {
            assertThatThrownBy(() -> Cursor.decode(text, Sort.DATE_DESC)).as(text).isInstanceOf(Invalid.class);
        }
    }
}
