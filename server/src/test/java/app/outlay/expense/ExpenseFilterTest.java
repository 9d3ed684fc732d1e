package app.outlay.expense;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpenseFilterTest {
    @Test
    void searchIsSplitIntoLowerCaseWordsAsTheIndexSplitsText() {
        assertThat(ExpenseFilter.words("  Coffee, BEANS!  café-crème ")).containsExactly("coffee", "beans", "café", "crème");
        assertThat(ExpenseFilter.words("\"*\" OR (")).containsExactly("or");
        assertThat(ExpenseFilter.words(null)).isEmpty();
    }
}
