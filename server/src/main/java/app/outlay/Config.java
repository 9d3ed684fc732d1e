package app.outlay;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The server's settings. Defaults &lt; {@code OUTLAY_*} environment variables &lt; flags; validated at start.
 *
 * @param db a file path or a JDBC URL
 */
public record Config(String bind, int port, String db, Currency currency, boolean openRegistration, long maxBodyBytes,
                     boolean accessLog) {

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("--max-body must be at least 1024 bytes");
        }
    }

    /** Settings for tests and embedding: the defaults, on the given database. */
    public static Config defaults(String db) {
        return new Config("127.0.0.1", 0, db, Currency.getInstance("EUR"), false, 16L << 20, false);
    }

    public Config withOpenRegistration(boolean open) {
        return new Config(bind, port, db, currency, open, maxBodyBytes, accessLog);
    }

    public Config withCurrency(Currency defaultCurrency) {
        return new Config(bind, port, db, defaultCurrency, openRegistration, maxBodyBytes, accessLog);
    }

    public Config withMaxBodyBytes(long max) {
        return new Config(bind, port, db, currency, openRegistration, max, accessLog);
    }

    /** Parses flags over the environment; empty when the program should just exit (help, version, bad usage). */
    static Optional<Config> load(String[] args, Map<String, String> env) {
        var options = new Options();
        var cli = new CommandLine(options).setDefaultValueProvider(option -> {
            String name = option.isOption() ? ((CommandLine.Model.OptionSpec) option).longestName() : null;
            return name == null ? null : env.get("OUTLAY_" + name.substring(2).replace('-', '_').toUpperCase());
        });
        int exit = cli.execute(args);
        if (options.config != null) {
            return Optional.of(options.config);
        }
        if (exit != 0) {
            System.exit(exit);
        }
        return Optional.empty(); // --help or --version was printed
    }

    static String defaultDatabase() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("outlay").resolve("outlay.db").toString();
    }

    @Command(name = "outlay-server", mixinStandardHelpOptions = true, version = "outlay-server 0.1",
            description = "Serves the Outlay expenses API and web client.%n"
                    + "Every option can also be set by an environment variable: --db as OUTLAY_DB, and so on.",
            sortOptions = false)
    static final class Options implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "PORT", description = "TCP port (env OUTLAY_PORT, default ${DEFAULT-VALUE})", defaultValue = "8080")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (env OUTLAY_BIND, default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
        String bind;

        @Option(names = "--db", paramLabel = "FILE|URL",
                description = "SQLite file path or JDBC URL (env OUTLAY_DB, default ~/.local/share/outlay/outlay.db)")
        String db;

        @Option(names = "--currency", paramLabel = "CODE", description = "Currency of new users' first ledger, ISO 4217 (env OUTLAY_CURRENCY, default ${DEFAULT-VALUE})", defaultValue = "EUR")
        String currency;

        @Option(names = "--open-registration", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
                description = "Let anyone register; otherwise only the first user, or an admin, can (env OUTLAY_OPEN_REGISTRATION, default ${DEFAULT-VALUE})", defaultValue = "false")
        boolean openRegistration;

        @Option(names = "--access-log", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
                description = "Log one line per request: method, route, status, duration (env OUTLAY_ACCESS_LOG, default ${DEFAULT-VALUE})", defaultValue = "true")
        boolean accessLog;

        @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest JSON request body (env OUTLAY_MAX_BODY, default ${DEFAULT-VALUE})", defaultValue = "16777216")
        long maxBody;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Config config;

        @Override
        public Integer call() {
            Currency code;
            try {
                code = Currency.getInstance(currency.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--currency: not an ISO 4217 code: " + currency);
            }
            try {
                config = new Config(bind, port, db == null || db.isBlank() ? defaultDatabase() : db, code, openRegistration, maxBody,
                        accessLog);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return 0;
        }
    }
}
