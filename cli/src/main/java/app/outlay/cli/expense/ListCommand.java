package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Expense;
import app.outlay.cli.api.ExpenseFilter;
import app.outlay.cli.api.ExpensePage;
import app.outlay.cli.output.RowSink;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code outlay list}: expenses page by page, following the server's cursors, each page printed as it arrives. */
@Command(name = "list",
        header = "List expenses, with filters, following every page if asked.",
        description = "List expenses, newest first unless --sort says otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay list                                   (the newest 50)",
            "  outlay list --from 2024-01-01 --to 2024-01-31 --type food --type leisure",
            "  outlay list --search coffee --sort -amount --limit 10",
            "  outlay list --min -100 --max -20",
            "  outlay list --all --output json > expenses.json"})
public final class ListCommand implements Callable<Integer> {
    /** The server's largest page. */
    private static final int PAGE = 1000;
    private static final int DEFAULT_LIMIT = 50;

    private final Session session;

    @Mixin
    FilterOptions filters;

    @Option(names = "--sort", paramLabel = "ORDER", completionCandidates = SortOrder.class,
            description = "date, -date (default), amount or -amount; a leading - means descending.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default 50; more than 1000 is fine).")
    Integer limit;

    @Option(names = "--all", description = "Every matching row, streamed page after page.")
    boolean all;

    ListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String order = SortOrder.check(sort);
        long wanted = wanted();
        ApiClient api = session.api();
        String ledgerId = session.ledgerId(api);
        ExpenseFilter filter = filters.filter();
        long shown = 0;
        String cursor = null;
        try (RowSink rows = session.printer().rows(ExpenseRows.COLUMNS)) {
            do {
                ExpensePage page = api.expenses(ledgerId, filter, order, (int) Math.min(PAGE, wanted - shown), cursor);
                for (Expense expense : page.items()) {
                    rows.add(expense, ExpenseRows.cells(expense));
                }
                rows.flush();
                shown += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null && shown < wanted && !session.context().out().checkError());
        }
        if (session.context().out().checkError()) {
            return ExitCodes.OK; // standard output was closed (`outlay list --all | head`): stop fetching
        }
        if (cursor != null) {
            session.messages().println("More expenses match: raise --limit, or use --all.");
        } else if (shown == 0) {
            session.messages().println("No expenses match.");
        }
        return ExitCodes.OK;
    }

    private long wanted() {
        if (all && limit != null) {
            throw new UsageError("Give --all or --limit, not both.");
        }
        if (limit != null && limit < 1) {
            throw new UsageError("--limit must be at least 1.");
        }
        return all ? Long.MAX_VALUE : limit != null ? limit : DEFAULT_LIMIT;
    }
}
