package app.outlay.cli.output;

/** How results are written to standard output. */
public enum Format {
    /** Aligned columns for people; the default on a terminal. */
    TABLE,
    /** The API's JSON, pretty-printed. */
    JSON,
    /** RFC 4180 CSV with a header line; the default when standard output is not a terminal. */
    CSV
}
