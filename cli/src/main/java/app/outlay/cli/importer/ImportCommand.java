package app.outlay.cli.importer;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.ImportRequest;
import app.outlay.cli.api.ImportResult;
import app.outlay.cli.output.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outlay import FILE}: streams a CSV file to the server, which adds its rows as expenses. */
@Command(name = "import",
        header = "Import expenses from a CSV file (a bank's export, or Outlay's own).",
        description = {
            "Send a CSV file to the server, which adds its rows to the ledger as expenses. The file is streamed, "
                + "whatever its size. The server recognises Outlay's own export and common bank layouts by their "
                + "headers (English, German, French, Italian, Spanish), the delimiter, date format and decimal "
                + "separator; --map and the other options say otherwise. It tells which columns it used.",
            "",
            "All or nothing: an invalid row refuses the whole file (exit 2, each problem named by line and column) "
                + "unless --skip-invalid. Rows the ledger already holds (same date, amount and description) are "
                + "skipped as duplicates unless --allow-duplicates, so importing a file twice adds nothing the "
                + "second time. `outlay imports` lists imports and `outlay imports undo ID` undoes one."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay import bank.csv --dry-run                (check, store nothing)",
            "  outlay import bank.csv",
            "  outlay import giro.csv --map date=Buchungstag,amount=Betrag --date-format dd.MM.yyyy",
            "  outlay import card.csv --no-header --map date=1,description=2,debit=3,credit=4 --default-type card",
            "  outlay import - < export.csv --ledger Copy     (standard input)"})
public final class ImportCommand implements Callable<Integer> {
    private static final Set<String> COLUMNS = Set.of("date", "amount", "type", "description", "debit", "credit");
    private static final long PROGRESS_FROM = 1 << 20;

    private final Session session;

    @Parameters(paramLabel = "FILE", description = "The CSV file; - for standard input.")
    String file;

    @Option(names = "--dry-run", description = "Report what would be imported; store nothing.")
    boolean dryRun;

    @Option(names = "--map", paramLabel = "ROLE=COLUMN[,...]", split = ",",
            description = "Which column holds what, by header name or 1-based number: date, amount, type, "
                    + "description, or debit (money out) and credit (money in) instead of amount.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "How dates are written, e.g. dd.MM.yyyy or MM/dd/yyyy.")
    String dateFormat;

    @Option(names = "--decimal", paramLabel = "SEP", description = "The decimal separator of amounts: . or ,")
    String decimal;

    @Option(names = "--delimiter", paramLabel = "SEP", description = "The field delimiter: ; , | or tab.")
    String delimiter;

    @Option(names = "--default-type", paramLabel = "TYPE", description = "The type of rows without one (default: uncategorized).")
    String defaultType;

    @Option(names = "--skip-invalid", description = "Import the valid rows and report the invalid ones.")
    boolean skipInvalid;

    @Option(names = "--allow-duplicates", description = "Also import rows the ledger already holds.")
    boolean allowDuplicates;

    @Option(names = "--no-header", description = "The first line is data (name columns by number in --map).")
    boolean noHeader;

    @Option(names = "--charset", paramLabel = "NAME", description = "The file's character set (default: UTF-8), e.g. windows-1252.")
    String charset = "UTF-8";

    ImportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (session.requestedFormat() == Format.CSV) {
            throw new UsageError("import answers as a table or JSON (--output table or json).");
        }
        ImportRequest request = request();
        ApiClient api = session.api();
        ImportResult result = api.importCsv(session.ledgerId(api), request);
        session.printer().record(result, ImportRows.result(result));
        var messages = session.messages();
        result.errors().forEach(error -> messages.println(error.toString()));
        if (result.invalid() > result.errors().size()) {
            messages.println("... " + result.invalid() + " invalid rows in all.");
        }
        messages.println(summary(result));
        return ExitCodes.OK;
    }

    private ImportRequest request() {
        var parameters = new LinkedHashMap<String, String>();
        map.forEach((role, column) -> {
            if (!COLUMNS.contains(role)) {
                throw new UsageError("--map takes date, amount, type, description, debit and credit, not " + role + ".");
            }
            parameters.put(role, column);
        });
        put(parameters, "dryRun", dryRun);
        put(parameters, "skipInvalid", skipInvalid);
        put(parameters, "allowDuplicates", allowDuplicates);
        if (noHeader) {
            parameters.put("header", "false");
        }
        putText(parameters, "dateFormat", dateFormat);
        putText(parameters, "decimalSeparator", decimal);
        putText(parameters, "delimiter", "\\t".equals(delimiter) ? "tab" : delimiter);
        putText(parameters, "defaultType", defaultType);
        if (!Charset.isSupported(charset)) {
            throw new UsageError("Unknown charset " + charset + ".");
        }
        if (file.equals("-")) {
            InputStream in = session.context().in();
            return new ImportRequest(() -> in, -1, charset, parameters);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageError("Cannot read " + file + ".");
        }
        long size = size(path);
        var progress = new Progress(session.messages(), size, session.context().terminal().interactive());
        boolean show = size >= PROGRESS_FROM;
        return new ImportRequest(() -> open(path, show ? progress : null), size, charset, parameters);
    }

    private static InputStream open(Path path, Progress progress) {
        try {
            InputStream in = Files.newInputStream(path);
            return progress == null ? in : progress.counting(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static void put(Map<String, String> parameters, String name, boolean flag) {
        if (flag) {
            parameters.put(name, "true");
        }
    }

    private static void putText(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String summary(ImportResult r) {
        String counts = r.duplicates() + " duplicate" + (r.duplicates() == 1 ? "" : "s") + " skipped"
                + (r.invalid() > 0 ? ", " + r.invalid() + " invalid skipped" : "");
        if (r.dryRun()) {
            return "Dry run: would import " + r.imported() + " of " + r.rows() + " rows (" + counts + "); nothing stored.";
        }
        return "Imported " + r.imported() + " of " + r.rows() + " rows (" + counts + ") as import " + r.id()
                + "; `outlay imports undo " + r.id() + "` undoes it.";
    }
}
