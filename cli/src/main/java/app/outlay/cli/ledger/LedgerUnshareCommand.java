package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger unshare USER}: removes a member from the ledger; your own username leaves it. */
@Command(name = "unshare",
        header = "Remove a member from a ledger, or leave it.",
        description = "Remove a member from the ledger (by default the one commands use; owners only), or leave "
                + "the ledger by giving your own username. The expenses they entered stay. The last owner "
                + "cannot go: make another member owner first.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger unshare bob --ledger House", "  outlay ledger unshare alice --ledger House   (alice leaves)"})
final class LedgerUnshareCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "USER", description = "The member's username (your own to leave).")
    String user;

    LedgerUnshareCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Ledger ledger = session.ledger(api);
        boolean leaving = user.strip().equalsIgnoreCase(api.me().username());
        try {
            api.removeMember(ledger.id(), user);
        } catch (ServerRefused e) {
            throw e.status() == 404 ? e.explained(user + " is not a member of ledger " + ledger.name() + ".") : e;
        }
        if (leaving) {
            Settings settings = session.settings();
            if (ledger.id().equals(settings.ledger())) {
                session.configFile().write(settings.withLedger(null));
            }
            session.messages().println("You left ledger " + ledger.name() + ".");
        } else {
            session.messages().println("Removed " + user + " from ledger " + ledger.name() + ".");
        }
        return ExitCodes.OK;
    }
}
