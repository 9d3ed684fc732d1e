package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay ledger list}: the user's ledgers, the default one marked. */
@Command(name = "list",
        header = "List your ledgers.",
        description = "List your ledgers with your role in each; * marks the one commands use by default.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger list", "  outlay ledger list --output json"})
final class LedgerListCommand implements Callable<Integer> {
    private final Session session;

    LedgerListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Ledger> ledgers = session.api().ledgers();
        String defaultId = session.defaultLedgerId(ledgers);
        var columns = new ArrayList<>(LedgerRows.COLUMNS);
        columns.add(Column.forPeople("default"));
        var table = new Table(columns);
        for (Ledger ledger : ledgers) {
            var cells = new ArrayList<>(LedgerRows.cells(ledger));
            cells.add(Cell.of(ledger.id().equals(defaultId) ? "*" : ""));
            table.row(cells);
        }
        session.printer().list(ledgers, table);
        return ExitCodes.OK;
    }
}
