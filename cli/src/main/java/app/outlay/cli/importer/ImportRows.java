package app.outlay.cli.importer;

import app.outlay.cli.api.ImportResult;
import app.outlay.cli.api.PastImport;
import app.outlay.cli.output.Cell;
import app.outlay.cli.output.Column;
import app.outlay.cli.output.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How imports look in tables and CSV. */
final class ImportRows {
    private ImportRows() {}

    /** One import's result, as one row (a label per line for people). */
    static Table result(ImportResult r) {
        return new Table(Column.left("id"), Column.right("rows"), Column.right("imported"), Column.right("duplicates"),
                Column.right("invalid"), Column.left("mapping"), Column.left("delimiter"), Column.left("dateFormat"),
                Column.left("decimalSeparator"))
                .row(Cell.of(r.dryRun() ? "(dry run)" : r.id()), Cell.of(r.rows()), Cell.of(r.imported()),
                        Cell.of(r.duplicates()), Cell.of(r.invalid()), Cell.of(mapping(r.mapping())),
                        Cell.of("\t".equals(r.delimiter()) ? "tab" : r.delimiter()), Cell.of(r.dateFormat()),
                        Cell.of(r.decimalSeparator()));
    }

    /** {@code date=Buchungstag, amount=Betrag, description=Verwendungszweck}. */
    static String mapping(Map<String, String> mapping) {
        return mapping.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static Table list(List<PastImport> imports) {
        var table = new Table(Column.right("id"), Column.left("createdAt"), Column.left("createdBy"),
                Column.right("rows"), Column.right("imported"), Column.right("duplicates"), Column.right("invalid"),
                Column.left("undoneAt"), Column.right("removed"), Column.right("kept"));
        imports.forEach(i -> table.row(Cell.of(i.id()), Cell.of(i.createdAt()), Cell.of(i.createdBy()),
                Cell.of(i.rows()), Cell.of(i.imported()), Cell.of(i.duplicates()), Cell.of(i.invalid()),
                Cell.of(i.undoneAt()), Cell.of(i.removed()), Cell.of(i.kept())));
        return table;
    }
}
