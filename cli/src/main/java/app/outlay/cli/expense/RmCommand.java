package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay rm ID...}: deletes expenses. */
@Command(name = "rm",
        header = "Delete expenses.",
        description = "Delete expenses, one after the other; stops at the first that cannot be deleted.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay rm 42", "  outlay rm 42 43 44"})
public final class RmCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the expenses to delete.")
    List<String> ids;

    RmCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        String ledgerId = session.ledgerId(api);
        for (String id : ids) {
            api.deleteExpense(ledgerId, id);
            session.messages().println("Deleted expense " + id + ".");
        }
        return ExitCodes.OK;
    }
}
