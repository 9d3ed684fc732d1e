package app.outlay.cli.ledger;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.Ledger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outlay ledger create NAME}: a new ledger, owned by the user. */
@Command(name = "create",
        header = "Create a ledger.",
        description = "Create a ledger; you are its owner. Its currency can never change.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay ledger create House", "  outlay ledger create Holiday in Japan --currency JPY"})
final class LedgerCreateCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The name (the words are joined by spaces).")
    List<String> name;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "An ISO 4217 code such as EUR, USD or JPY (default: the server's).")
    String currency;

    LedgerCreateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Ledger ledger = session.api().createLedger(String.join(" ", name), currency);
        session.printer().row(ledger, LedgerRows.row(ledger));
        session.messages().println("Created ledger " + ledger.name() + " (id " + ledger.id() + ")."
                + " Work in it with --ledger or `outlay ledger use`.");
        return ExitCodes.OK;
    }
}
