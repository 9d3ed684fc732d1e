package app.outlay.cli.summary;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Summary;
import app.outlay.cli.api.SummaryGroup;
import app.outlay.cli.expense.FilterOptions;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code outlay summary}: totals per type, month or year, as a table with a bar per row. */
@Command(name = "summary",
        header = "Add up expenses per type, month or year, with a bar per row.",
        description = "Add up expenses: the total and count per group, with a bar per row, and the grand total.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay summary                                (the grand total only)",
            "  outlay summary --by type --from 2024-01-01 --to 2024-12-31",
            "  outlay summary --by month --type food",
            "  outlay summary --by type,month --output csv > by-type-and-month.csv"})
public final class SummaryCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--by", paramLabel = "GROUPING", completionCandidates = Groupings.class,
            description = "type, month, year or type,month.")
    String by;

    @Mixin
    FilterOptions filters;

    SummaryCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<String> keys = Groupings.keys(by);
        ApiClient api = session.api();
        Summary summary = api.summary(session.ledgerId(api), filters.filter(), keys.isEmpty() ? null : String.join(",", keys));
        if (keys.isEmpty()) {
            var table = new Table(Column.right("count"), Column.right("total"), Column.left("currency"))
                    .row(Cell.of(summary.count()), Cell.amount(summary.total()), Cell.of(summary.currency()));
            session.printer().record(summary, table);
        } else {
            session.printer().list(summary, table(keys, summary));
        }
        return ExitCodes.OK;
    }

    private Table table(List<String> keys, Summary summary) {
        var columns = new ArrayList<Column>();
        keys.forEach(key -> columns.add(Column.left(key)));
        columns.addAll(List.of(Column.right("count"), Column.right("total"), Column.forPeople("bar")));
        var table = new Table(columns);
        var bars = new Bars(summary.groups().stream().map(SummaryGroup::total).toList(),
                session.context().terminal().unicode());
        for (SummaryGroup group : summary.groups()) {
            var cells = new ArrayList<Cell>();
            keys.forEach(key -> cells.add(Cell.of(key(group, key))));
            cells.addAll(List.of(Cell.of(group.count()), Cell.amount(group.total()), bars.bar(group.total())));
            table.row(cells);
        }
        var footer = new ArrayList<Cell>();
        keys.forEach(key -> footer.add(Cell.of(footer.isEmpty() ? "total " + summary.currency() : "")));
        footer.addAll(List.of(Cell.of(summary.count()), Cell.amount(summary.total()), Cell.of("")));
        return table.footer(footer.toArray(Cell[]::new));
    }

    private static String key(SummaryGroup group, String key) {
        return switch (key) {
            case "type" -> group.type();
            case "month" -> group.month();
            default -> group.year();
        };
    }

    /** The groupings the server knows. */
    static final class Groupings implements Iterable<String> {
        private static final List<String> ALL = List.of("type", "month", "year", "type,month");

        /** The grouping's keys, in order; empty without one. */
        static List<String> keys(String by) {
            if (by == null) {
                return List.of();
            }
            String grouping = by.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            if (!ALL.contains(grouping)) {
                throw new UsageError("--by must be one of " + String.join(", ", ALL) + ", not '" + by + "'.");
            }
            return List.of(grouping.split(","));
        }

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }
}
