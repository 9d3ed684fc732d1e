package app.outlay.cli.expense;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.output.Format;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code outlay export}: the server's CSV of every matching expense, streamed to standard output as it comes. */
@Command(name = "export",
        header = "Write the matching expenses as CSV to standard output.",
        description = "Write every matching expense as CSV (id,date,type,amount,description; RFC 4180, "
                + "UTF-8) to standard output, streamed straight from the server, whatever its size.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay export > expenses.csv",
            "  outlay export --from 2024-01-01 --to 2024-12-31 --type food > food-2024.csv",
            "  outlay export --ledger House --sort date | head"})
public final class ExportCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    FilterOptions filters;

    @Option(names = "--sort", paramLabel = "ORDER", completionCandidates = SortOrder.class,
            description = "date, -date (default), amount or -amount.")
    String sort;

    ExportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (session.requestedFormat() != null && session.requestedFormat() != Format.CSV) {
            throw new UsageError("export writes CSV; for JSON use `outlay list --all --output json`.");
        }
        String order = SortOrder.check(sort);
        ApiClient api = session.api();
        api.exportCsv(session.ledgerId(api), filters.filter(), order, session.context().out());
        return ExitCodes.OK;
    }
}
