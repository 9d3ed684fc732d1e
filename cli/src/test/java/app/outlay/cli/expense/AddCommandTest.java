package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.api.NewExpense;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCommandTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 31);

    @Test
    void aFirstWordShapedLikeADateIsTheDate() {
        assertThat(AddCommand.parse(List.of("2023-11-12", "leisure", "-5.00", "drinks", "out"), TODAY))
                .isEqualTo(new NewExpense("2023-11-12", "leisure", "-5.00", "drinks out"));
    }

    @Test
    void withoutADateTheExpenseIsForTodayAndMayHaveNoDescription() {
        assertThat(AddCommand.parse(List.of("salary", "2500"), TODAY))
                .isEqualTo(new NewExpense("2024-03-31", "salary", "2500", ""));
    }
}
