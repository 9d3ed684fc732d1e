package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Ledger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger rename LEDGER NEW_NAME}. */
@Command(name = "rename",
        header = "Rename a ledger.",
        description = "Rename a ledger (owners only).",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger rename House Home", "  outlay ledger rename 3 Summer holiday"})
final class LedgerRenameCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "LEDGER", description = "The ledger's name or id.")
    String ledger;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "NEW_NAME", description = "The new name (words joined by spaces).")
    List<String> newName;

    LedgerRenameCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Ledger found = Ledgers.find(api.ledgers(), ledger);
        Ledger renamed = api.renameLedger(found.id(), String.join(" ", newName));
        session.printer().row(renamed, LedgerRows.row(renamed));
        session.messages().println("Renamed ledger " + found.name() + " to " + renamed.name() + ".");
        return ExitCodes.OK;
    }
}
