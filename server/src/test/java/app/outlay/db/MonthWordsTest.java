package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The words indexed for an expense never change for the same row: the index deletes a row's words by being handed
 * them again, and a search splits its words as the index did. The definition they were first indexed by is the
 * pattern below; the splitting must give what it gives, for every text.
 */
class MonthWordsTest {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    /** The words as migration V011 first indexed them. */
    private static String indexedFirst(long ledgerId, String date, String description) {
        String prefix = MonthWords.prefix(ledgerId, date);
        return Arrays.stream(SEPARATORS.split(description)).filter(w -> !w.isEmpty()).distinct()
                .map(w -> prefix + w).collect(Collectors.joining(" "));
    }

    @Test
    void eachDistinctWordOnceInItsFirstPlaceWithTheLedgerAndMonthInFront() {
        assertThat(MonthWords.of(7, "2024-03-15", "Coffee, coffee & CROISSANT: 2x  café"))
                .isEqualTo("l7m202403Coffee l7m202403coffee l7m202403CROISSANT l7m2024032x l7m202403café");
        assertThat(MonthWords.of(7, "2024-03-15", " -- ")).isEmpty();
        assertThat(MonthWords.split("  rent, March ").toList()).containsExactly("rent", "March");
    }

    @Test
    void splitsEveryKindOfTextAsTheFirstDefinitionDid() {
        // given: letters, digits and marks of many scripts, and what lies between words
        List<String> texts = List.of("", " ", "a", "hamburger", "  two  words  ", "ends-with-dash-", "-starts",
                "naïve café", "cafe\u0301 (combining accent)", "東京 ラーメン 2杯", "Ⅻ ½ ٣٤ ２０２４",
                "emoji 🍔🍟 between", "math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters", "tab\tnew\nline", "a\u200bzero-width",
                "lone \ud800 surrogate", "lone \udc00 low", "x\ud83cy", "ǅungla titlecase", "ʰmodifier",
                "x".repeat(1000));
        // and random ones drawn from all of them
        var random = new Random(20241);
        String alphabet = String.join("", texts) + ",.;:!?/\\'\"()[]{}<>@#$%^&*_+=|~`";
        int[] codePoints = alphabet.codePoints().toArray();
        var all = new ArrayList<>(texts);
        for (int i = 0; i < 5000; i++) {
            var text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            all.add(text.toString());
        }

        for (String text : all) {
            // when / then
            assertThat(MonthWords.of(12, "2019-11-30", text)).as(text).isEqualTo(indexedFirst(12, "2019-11-30", text));
        }
    }
}
