package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Expense;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay show ID}: one expense with every field. */
@Command(name = "show",
        header = "Show one expense with every field.",
        description = "Show one expense with every field: its version, who made and last changed it, and when.",
        footerHeading = "%nExamples:%n",
        footer = {"  outlay show 42", "  outlay show 42 --output json"})
public final class ShowCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID", description = "The expense's id (as `outlay list` shows it).")
    String id;

    ShowCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api();
        Expense expense = api.expense(session.ledgerId(api), id).value();
        session.printer().record(expense, ExpenseRows.detail(expense));
        return ExitCodes.OK;
    }
}
