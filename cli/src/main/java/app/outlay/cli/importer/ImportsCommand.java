package app.outlay.cli.importer;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.PastImport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code outlay imports}: the imports into a ledger; {@code outlay imports undo ID} undoes one. */
@Command(name = "imports",
        header = "List the imports into a ledger, or undo one.",
        description = "List the CSV imports into the ledger, newest first: when, by whom, and their counts. "
                + "`undo ID` removes the expenses an import created, except those changed since.",
        subcommands = ImportsUndoCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {"  outlay imports", "  outlay imports --output json", "  outlay imports undo 7"})
public final class ImportsCommand implements Callable<Integer> {
    private final Session session;

    ImportsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        List<PastImport> imports = api.imports(session.ledgerId(api));
        session.printer().list(imports, ImportRows.list(imports));
        return ExitCodes.OK;
    }
}
