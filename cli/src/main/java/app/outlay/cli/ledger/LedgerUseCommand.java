package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.Ledger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger use LEDGER}: the ledger later commands use when --ledger is not given. */
@Command(name = "use",
        header = "Choose the ledger later commands use.",
        description = "Make a ledger the default for later commands (stored in the settings file).",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger use House", "  outlay ledger use 3"})
final class LedgerUseCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "LEDGER", description = "The ledger's name or id.")
    String ledger;

    LedgerUseCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Ledger found = Ledgers.find(session.api().ledgers(), ledger);
        session.configFile().write(session.settings().withLedger(found.id()));
        session.messages().println("Commands now use ledger " + found.name() + " (id " + found.id() + ")"
                + " unless --ledger says otherwise.");
        return ExitCodes.OK;
    }
}
