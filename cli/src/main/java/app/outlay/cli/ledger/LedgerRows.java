package app.outlay.cli.ledger;

import app.outlay.cli.api.Ledger;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.List;

/** How ledgers look in tables and CSV. */
final class LedgerRows {
    static final List<Column> COLUMNS = List.of(Column.left("id"), Column.left("name"), Column.left("currency"), Column.left("role"));

    private LedgerRows() {}

    static List<Cell> cells(Ledger ledger) {
        return List.of(Cell.of(ledger.id()), Cell.of(ledger.name()), Cell.of(ledger.currency()), Cell.of(ledger.role()));
    }

    static Table row(Ledger ledger) {
        return new Table(COLUMNS).row(cells(ledger));
    }
}
