package app.outlay.importer;

import app.outlay.common.Invalid;
import app.outlay.common.Params;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of an import, read strictly: a malformed one is a 400 naming it. {@code delimiter},
 * {@code dateFormat} and {@code decimal} are null where the file should tell.
 */
record ImportOptions(Map<Column, String> mapping, boolean header, Character delimiter, DateFormat dateFormat,
                     Character decimal, String defaultType, boolean dryRun, boolean skipInvalid,
                     boolean allowDuplicates) {
    static final String DEFAULT_TYPE = "uncategorized";
    private static final int MAX_TYPE = 64;

    static ImportOptions parse(Params params) {
        var mapping = new EnumMap<Column, String>(Column.class);
        for (Column column : Column.values()) {
            String value = params.one(column.wire());
            if (value != null) {
                mapping.put(column, value.strip());
            }
        }
        if (mapping.containsKey(Column.AMOUNT) && (mapping.containsKey(Column.DEBIT) || mapping.containsKey(Column.CREDIT))) {
            throw Invalid.parameter("amount", "cannot be given with debit or credit: a file has one amount column, or debit and credit columns");
        }
        return new ImportOptions(mapping, flag(params, "header", true), delimiter(params.one("delimiter")),
                params.one("dateFormat") == null ? null : DateFormat.of(params.one("dateFormat")),
                decimal(params.one("decimalSeparator")), defaultType(params.one("defaultType")),
                flag(params, "dryRun", false), flag(params, "skipInvalid", false), flag(params, "allowDuplicates", false));
    }

    private static boolean flag(Params params, String name, boolean fallback) {
        String value = params.one(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Invalid.parameter(name, "must be true or false");
        };
    }

    private static Character delimiter(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case ";", "semicolon" -> ';';
            case ",", "comma" -> ',';
            case "\t", "tab", "\\t" -> '\t';
            case "|", "pipe" -> '|';
            default -> throw Invalid.parameter("delimiter", "must be ; , | or tab");
        };
    }

    private static Character decimal(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "." -> '.';
            case "," -> ',';
            default -> throw Invalid.parameter("decimalSeparator", "must be . or ,");
        };
    }

    private static String defaultType(String value) {
        if (value == null) {
            return DEFAULT_TYPE;
        }
        String type = value.strip();
        if (type.isEmpty() || type.codePointCount(0, type.length()) > MAX_TYPE) {
            throw Invalid.parameter("defaultType", "must be 1 to " + MAX_TYPE + " characters");
        }
        return type;
    }
}
