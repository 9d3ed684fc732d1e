package app.outlay.cli.output;

import java.util.List;
import java.util.stream.Collectors;

/** Writes CSV records as RFC 4180 asks (the same dialect as the server's export): CRLF, quoted only where needed. */
final class Csv {
    private Csv() {}

    static String record(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
