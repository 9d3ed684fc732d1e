package app.outlay;

/** Starts the server: parses flags and environment into a {@link Config}, then runs {@link App}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // jOOQ's banner and tips cost start-up time and would be the only other lines in the log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Config.load(args, System.getenv()).ifPresent(App::run);
    }
}
