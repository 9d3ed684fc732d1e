package app.outlay;

/** Starts the server: parses flags and environment into a {@link Config}, then runs {@link App}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Config.load(args, System.getenv()).ifPresent(App::run);
    }
}
