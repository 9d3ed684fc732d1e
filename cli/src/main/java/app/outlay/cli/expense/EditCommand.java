package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Expense;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.Tagged;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outlay edit ID}: changes the given fields only, and only if nobody changed the expense since this command
 * read it ({@code If-Match} with the ETag of a fresh read; the server answers 412 otherwise).
 */
@Command(name = "edit",
        header = "Change some fields of an expense.",
        description = "Change some fields of an expense; the others stay. If someone else changes it at the "
                + "same time, nothing is changed and the command says so (exit code 2).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay edit 42 --amount -11.50",
            "  outlay edit 42 --type groceries --description \"market, Saturday\"",
            "  outlay edit 42 --description \"\"                (empties it)"})
public final class EditCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID", description = "The expense's id.")
    String id;

    @Option(names = "--date", paramLabel = "DATE", converter = FilterOptions.DateConverter.class,
            description = "The new date (YYYY-MM-DD).")
    LocalDate date;

    @Option(names = "--type", paramLabel = "TYPE", description = "The new type.")
    String type;

    @Option(names = "--amount", paramLabel = "AMOUNT", description = "The new amount (e.g. -10.00).")
    String amount;

    @Option(names = "--description", paramLabel = "TEXT", description = "The new description.")
    String description;

    EditCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Map<String, String> changes = changes();
        ApiClient api = session.api();
        String ledgerId = session.ledgerId(api);
        Tagged<Expense> current = api.expense(ledgerId, id);
        Expense changed;
        try {
            changed = api.changeExpense(ledgerId, id, changes, current.etag());
        } catch (ServerRefused e) {
            throw e.status() != 412 ? e : e.explained("Expense " + id + " was changed by someone else after it was read,"
                    + " so nothing was changed. Look at it again with `outlay show " + id + "`, then edit it");
        }
        session.printer().row(changed, ExpenseRows.row(changed));
        session.messages().println(changed.version() == current.value().version()
                ? "Expense " + id + " already had these values; nothing changed."
                : "Changed expense " + id + ".");
        return ExitCodes.OK;
    }

    private Map<String, String> changes() {
        var changes = new LinkedHashMap<String, String>();
        if (date != null) {
            changes.put("date", date.toString());
        }
        if (type != null) {
            changes.put("type", type);
        }
        if (amount != null) {
            changes.put("amount", amount);
        }
        if (description != null) {
            changes.put("description", description);
        }
        if (changes.isEmpty()) {
            throw new UsageError("Nothing to change: give --date, --type, --amount or --description.");
        }
        return changes;
    }
}
