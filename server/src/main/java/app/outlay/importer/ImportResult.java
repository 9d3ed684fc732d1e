package app.outlay.importer;

import app.outlay.common.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or with {@code dryRun} would do: counts, the first problems, and the dialect it read
 * the file in (mapping, delimiter, header, date format, decimal separator). {@code id} is null for a dry run.
 */
record ImportResult(Long id, boolean dryRun, long rows, long imported, long duplicates, long invalid,
                    List<FieldError> errors, Map<String, String> mapping, char delimiter, boolean header,
                    String dateFormat, char decimalSeparator) {}
