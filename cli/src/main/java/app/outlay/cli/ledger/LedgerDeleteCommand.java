package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.Terminal;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger delete LEDGER}: deletes a ledger and every expense in it, once confirmed. */
@Command(name = "delete",
        header = "Delete a ledger and every expense in it.",
        description = "Delete a ledger and every expense in it (owners only). Asks you to type its name "
                + "first; --yes skips that, for scripts.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger delete House", "  outlay ledger delete 3 --yes"})
final class LedgerDeleteCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "LEDGER", description = "The ledger's name or id.")
    String ledger;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    LedgerDeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Ledger found = Ledgers.find(api.ledgers(), ledger);
        if (!yes) {
            confirm(found);
        }
        api.deleteLedger(found.id());
        Settings settings = session.settings();
        if (found.id().equals(settings.ledger())) {
            session.configFile().write(settings.withLedger(null));
        }
        session.messages().println("Deleted ledger " + found.name() + " and its expenses.");
        return ExitCodes.OK;
    }

    private void confirm(Ledger found) {
        Terminal terminal = session.context().terminal();
        if (!terminal.interactive()) {
            throw new UsageError("Deleting a ledger deletes every expense in it: confirm with --yes.");
        }
        String answer = terminal.readLine("Delete ledger " + found.name() + " and every expense in it? Type its name to confirm: ");
        if (answer == null || !answer.strip().equals(found.name())) {
            throw new UsageError("Not deleted: that was not the ledger's name.");
        }
    }
}
