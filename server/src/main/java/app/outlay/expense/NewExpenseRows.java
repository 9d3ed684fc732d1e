package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;

import app.outlay.db.Dialect;
import app.outlay.db.JsonArrays;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * New expenses' own values (date, type, amount in minor units, description) as {@link JsonArrays} rows, and read
 * back as columns: how a batch and an import insert many expenses with one statement (public for the importer).
 */
public final class NewExpenseRows {
    private NewExpenseRows() {}

    /** Writes one expense's values, in the order {@link #read} reads them. */
    public static void write(JsonGenerator out, LocalDate date, String type, long amount, String description)
            throws IOException {
        out.writeString(date.toString());
        out.writeString(type);
        out.writeNumber(amount);
        out.writeString(description);
    }

    /** The rows of a JSON text {@link #write} wrote; their values are date, type, amount and description. */
    public static Dialect.JsonRows read(Dialect dialect, String json) {
        return dialect.jsonRows(DSL.val(json), List.of(EXPENSE.DATE.getDataType(), EXPENSE.TYPE.getDataType(),
                EXPENSE.AMOUNT.getDataType(), EXPENSE.DESCRIPTION.getDataType()));
    }
}
