package app.outlay.cli;

/** The exit codes, as {@code outlay --help} documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int REFUSED = 2;
    public static final int UNREACHABLE = 3;

    private ExitCodes() {}
}
