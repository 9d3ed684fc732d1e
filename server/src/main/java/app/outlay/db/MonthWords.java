package app.outlay.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.sqlite.Function;

/**
 * The words SQLite's full-text index holds for an expense in its column {@code month_words} (migration V011): each
 * word of its description prefixed with its ledger and month, {@code l7m202403coffee}, so that a search within a few
 * months reads the matches there instead of the word's matches in the whole ledger. SQL calls it as
 * {@code month_words(ledger_id, date, description)} (the triggers, the migration, imports); every connection of the
 * pool has it ({@link SqliteFiles}). A search splits its words with {@link #split} too, so both sides split alike.
 * What it returns for a row must never change: the index deletes a row by being handed the words it indexed (a
 * change is a new function and a migration that rebuilds the index). The one drift outside this code: a JDK with
 * newer Unicode tables may class a character assigned since as a letter; a word of such a character indexed
 * before would then stay in the index after its row changed, matching that row for that word until a rebuild.
 */
public final class MonthWords extends Function {
    public static final String FUNCTION = "month_words";

    /** The words of a text, as a search and the index both split them. */
    public static Stream<String> split(String text) {
        return words(text).stream();
    }

    /**
     * The runs of letters, digits and marks (Unicode's L, N and M, as the pattern {@code [\p{L}\p{N}\p{M}]+} finds
     * them), as SQLite's unicode61 tokenizer roughly splits. A loop over the code points rather than that pattern:
     * SQLite calls this for every row it indexes, and the pattern's matcher and streams were a quarter of what a
     * bulk load allocated.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1; // of the word being read, or -1 between words
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isWordPart(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static boolean isWordPart(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, // L
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER, // N
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true; // M
            default -> false;
        };
    }

    /**
     * The scope a word carries in the index: {@code l7m202403} for ledger 7, March 2024 ({@code date} is ISO).
     * PostgreSQL's index of words by month (V012, {@code expense_month_words}) writes the same scope in SQL.
     */
    public static String prefix(long ledgerId, String date) {
        return "l" + ledgerId + "m" + date.substring(0, 4) + date.substring(5, 7);
    }

    /** The text indexed for one expense: its distinct words, each with the scope in front. */
    public static String of(long ledgerId, String date, String description) {
        String prefix = prefix(ledgerId, date);
        var text = new StringBuilder(description.length() + 32);
        for (String word : new LinkedHashSet<>(words(description))) { // each word once, in the order it comes
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(prefix).append(word);
        }
        return text.toString();
    }

    /** The SQL that computes {@link #of} in the database, for writers that index rows in bulk (imports). */
    public static Field<String> of(Field<Long> ledgerId, Field<?> date, Field<String> description) {
        return DSL.function(FUNCTION, String.class, ledgerId, date, description);
    }

    @Override
    protected void xFunc() throws SQLException { // SQLite calls it with 3 arguments only (SqliteFiles registers it so)
        result(of(value_long(0), value_text(1), value_text(2)));
    }
}
