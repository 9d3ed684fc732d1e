package app.outlay.cli;

/** Runs one {@code outlay} command and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, Context.system()));
    }
}
