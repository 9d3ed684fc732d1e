package app.outlay.cli.expense;

import app.outlay.cli.api.Expense;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.List;

/** How expenses look in tables and CSV: the columns of the server's own CSV export, or every field. */
final class ExpenseRows {
    static final List<Column> COLUMNS = List.of(
            Column.left("id"), Column.left("date"), Column.left("type"), Column.right("amount"), Column.left("description"));

    private ExpenseRows() {}

    static List<Cell> cells(Expense expense) {
        return List.of(Cell.of(expense.id()), Cell.of(expense.date()), Cell.of(expense.type()),
                Cell.amount(expense.amount()), Cell.of(expense.description()));
    }

    /** One expense as a one-row table. */
    static Table row(Expense expense) {
        return new Table(COLUMNS).row(cells(expense));
    }

    /** One expense with every field, for {@code show}. */
    static Table detail(Expense expense) {
        return new Table(Column.left("id"), Column.left("date"), Column.left("type"), Column.right("amount"),
                Column.left("description"), Column.left("version"), Column.left("createdAt"), Column.left("createdBy"),
                Column.left("updatedAt"), Column.left("updatedBy"))
                .row(Cell.of(expense.id()), Cell.of(expense.date()), Cell.of(expense.type()), Cell.amount(expense.amount()),
                        Cell.of(expense.description()), Cell.of(expense.version()), Cell.of(expense.createdAt()),
                        Cell.of(expense.createdBy()), Cell.of(expense.updatedAt()), Cell.of(expense.updatedBy()));
    }
}
