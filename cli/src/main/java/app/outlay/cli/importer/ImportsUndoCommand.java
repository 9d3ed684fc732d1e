package app.outlay.cli.importer;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.UndoResult;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay imports undo ID}: removes what an import added, keeping the expenses changed since. */
@Command(name = "undo",
        header = "Undo an import.",
        description = "Remove the expenses the import created, except those changed since (they are kept and counted).",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay imports undo 7"})
final class ImportsUndoCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID", description = "The import's id, as `outlay imports` lists it.")
    String id;

    ImportsUndoCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        UndoResult undo;
        try {
            undo = api.undoImport(session.ledgerId(api), id);
        } catch (ServerRefused refused) {
            throw switch (refused.status()) {
                case 404 -> refused.explained("No import " + id + " in this ledger.");
                case 409 -> refused.explained("Import " + id + " was undone already.");
                default -> refused;
            };
        }
        session.printer().record(undo, new Table(Column.right("removed"), Column.right("kept"))
                .row(Cell.of(undo.removed()), Cell.of(undo.kept())));
        session.messages().println("Undid import " + id + ": removed " + undo.removed() + " expenses"
                + (undo.kept() > 0 ? ", kept " + undo.kept() + " changed since." : "."));
        return ExitCodes.OK;
    }
}
