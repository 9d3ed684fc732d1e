package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Expense;
import app.outlay.cli.api.NewExpense;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code outlay add [DATE] TYPE AMOUNT [DESCRIPTION...]}. */
@Command(name = "add",
        header = "Add an expense.",
        description = "Add an expense. Negative amounts are money out, positive ones money in. The date is "
                + "today unless the first argument is a date (YYYY-MM-DD); the description is every word "
                + "after the amount.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay add food -10.00 hamburger",
            "  outlay add 2023-11-12 leisure -5.00 drinks out",
            "  outlay add salary 2500.00 --ledger House",
            "  outlay add food -3.20 -- --odd description    (after --, nothing is an option)"})
public final class AddCommand implements Callable<Integer> {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Session session;

    @Parameters(paramLabel = "[DATE] TYPE AMOUNT [DESCRIPTION...]", arity = "2..*",
            description = "The date (optional), the type, the amount (e.g. -10.00) and the description.")
    List<String> words;

    AddCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        NewExpense expense = parse(words, LocalDate.now(session.context().clock()));
        ApiClient api = session.api();
        Expense added = api.addExpense(session.ledgerId(api), expense);
        session.printer().row(added, ExpenseRows.row(added));
        session.messages().println("Added expense " + added.id() + ".");
        return ExitCodes.OK;
    }

    static NewExpense parse(List<String> words, LocalDate today) {
        boolean dated = DATE.matcher(words.get(0)).matches();
        List<String> rest = dated ? words.subList(1, words.size()) : words;
        if (rest.size() < 2) {
            throw new UsageError("add needs a TYPE and an AMOUNT after the date, e.g. `outlay add 2024-03-01 food -10.00`.");
        }
        String description = String.join(" ", rest.subList(2, rest.size()));
        return new NewExpense(dated ? words.get(0) : today.toString(), rest.get(0), rest.get(1), description);
    }
}
