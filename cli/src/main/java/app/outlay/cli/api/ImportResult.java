package app.outlay.cli.api;

import java.util.List;
import java.util.Map;

/** What the server did with an imported CSV file (or would do, for a dry run), and how it read the file. */
public record ImportResult(String id, boolean dryRun, long rows, long imported, long duplicates, long invalid,
                           List<Problem.FieldError> errors, Map<String, String> mapping, String delimiter,
                           boolean header, String dateFormat, String decimalSeparator) {
    public ImportResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        mapping = mapping == null ? Map.of() : mapping;
    }
}
