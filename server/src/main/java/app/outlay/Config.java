package app.outlay;

import static app.outlay.Commands.flag;
import static app.outlay.Commands.inherited;
import static app.outlay.Commands.option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The server's settings. Defaults &lt; {@code OUTLAY_*} environment variables &lt; flags; validated at start.
 *
 * @param db a file path or a JDBC URL
 * @param behindHttps whether a proxy in front of the server speaks HTTPS to browsers (session cookies are Secure)
 * @param sessionIdle how long an unused browser session lasts
 * @param sessionLifetime how long a browser session lasts at most, used or not
 * @param tlsCert a PEM certificate chain to serve HTTPS with, or null for plain HTTP
 * @param tlsKey the PEM private key of {@code tlsCert}, or null
 */
public record Config(String bind, int port, String db, Currency currency, boolean openRegistration, long maxBodyBytes,
                     boolean accessLog, boolean behindHttps, Duration sessionIdle, Duration sessionLifetime, Path tlsCert,
                     Path tlsKey) {

    static final Duration DEFAULT_SESSION_IDLE = Duration.ofDays(7);
    static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(30);

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("--max-body must be at least 1024 bytes");
        }
        if (sessionIdle.toSeconds() < 60 || sessionLifetime.toSeconds() < 60) {
            throw new IllegalArgumentException("--session-idle and --session-lifetime must be at least 1m");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
    }

    /** Settings for tests and embedding: the defaults, on the given database. */
    public static Config defaults(String db) {
        return new Config("127.0.0.1", 0, db, Currency.getInstance("EUR"), false, 16L << 20,
                false, false, DEFAULT_SESSION_IDLE, DEFAULT_SESSION_LIFETIME, null, null);
    }

    public Config withOpenRegistration(boolean open) {
        return new Config(bind, port, db, currency, open, maxBodyBytes,
                accessLog, behindHttps, sessionIdle, sessionLifetime, tlsCert, tlsKey);
    }

    public Config withCurrency(Currency defaultCurrency) {
        return new Config(bind, port, db, defaultCurrency, openRegistration, maxBodyBytes,
                accessLog, behindHttps, sessionIdle, sessionLifetime, tlsCert, tlsKey);
    }

    public Config withMaxBodyBytes(long max) {
        return new Config(bind, port, db, currency, openRegistration, max,
                accessLog, behindHttps, sessionIdle, sessionLifetime, tlsCert, tlsKey);
    }

    public Config withBehindHttps(boolean behind) {
        return new Config(bind, port, db, currency, openRegistration, maxBodyBytes,
                accessLog, behind, sessionIdle, sessionLifetime, tlsCert, tlsKey);
    }

    /** Serves HTTPS with this PEM certificate chain and private key. */
    public Config withTls(Path cert, Path key) {
        return new Config(bind, port, db, currency, openRegistration, maxBodyBytes,
                accessLog, behindHttps, sessionIdle, sessionLifetime, cert, key);
    }

    /** Whether the server itself speaks HTTPS. */
    public boolean tls() {
        return tlsCert != null;
    }

    /** Parses flags over the environment; empty when the program should just exit (help, version, bad usage). */
    static Optional<Config> load(String[] args, Map<String, String> env) {
        var options = new Options();
        int exit = commandLine(options, env).execute(args);
        if (options.config != null) {
            return Optional.of(options.config);
        }
        if (exit != 0) {
            System.exit(exit);
        }
        return Optional.empty(); // --help or --version was printed, or a subcommand ran
    }

    /** The server's command line with its subcommands; an option's default comes from its {@code OUTLAY_*} variable. */
    static CommandLine commandLine(Options options, Map<String, String> env) {
        var server = new CommandLine(options.command);
        server.addSubcommand(new CommandLine(UserCommand.command(options)));
        server.addSubcommand(new CommandLine(new BackupCommand(options).command));
        return server.setDefaultValueProvider(option -> {
            String name = option.isOption() ? ((CommandLine.Model.OptionSpec) option).longestName() : null;
            return name == null ? null : env.get("OUTLAY_" + name.substring(2).replace('-', '_').toUpperCase());
        });
    }

    static String defaultDatabase() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("outlay").resolve("outlay.db").toString();
    }

    /** The server's own options; running them makes the {@link Config}. */
    static final class Options implements Callable<Integer> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

        private final OptionSpec port = option("--port", "PORT", int.class, "8080",
                "TCP port (env OUTLAY_PORT, default ${DEFAULT-VALUE})");
        private final OptionSpec bind = option("--bind", "ADDRESS", String.class, "127.0.0.1",
                "Address to listen on (env OUTLAY_BIND, default ${DEFAULT-VALUE})");
        private final OptionSpec db = inherited("--db", "FILE|URL", null,
                "SQLite file path or JDBC URL (env OUTLAY_DB, default ~/.local/share/outlay/outlay.db)");
        private final OptionSpec currency = inherited("--currency", "CODE", "EUR",
                "Currency of new users' first ledger, ISO 4217 (env OUTLAY_CURRENCY, default ${DEFAULT-VALUE})");
        private final OptionSpec openRegistration = flag("--open-registration", "false",
                "Let anyone register; otherwise only the first user, or an admin, can (env OUTLAY_OPEN_REGISTRATION, default ${DEFAULT-VALUE})");
        private final OptionSpec accessLog = flag("--access-log", "true",
                "Log one line per request: method, route, status, duration (env OUTLAY_ACCESS_LOG, default ${DEFAULT-VALUE})");
        private final OptionSpec maxBody = option("--max-body", "BYTES", long.class, "16777216",
                "Largest JSON request body (env OUTLAY_MAX_BODY, default ${DEFAULT-VALUE})");
        private final OptionSpec behindHttps = flag("--behind-https", "false",
                "A proxy in front serves HTTPS to browsers: session cookies are Secure (env OUTLAY_BEHIND_HTTPS, default ${DEFAULT-VALUE})");
        private final OptionSpec sessionIdle = option("--session-idle", "DURATION", String.class, "7d",
                "How long an unused browser session lasts, e.g. 12h or 7d (env OUTLAY_SESSION_IDLE, default ${DEFAULT-VALUE})");
        private final OptionSpec sessionLifetime = option("--session-lifetime", "DURATION", String.class, "30d",
                "How long a browser session lasts at most (env OUTLAY_SESSION_LIFETIME, default ${DEFAULT-VALUE})");
        private final OptionSpec tlsCert = option("--tls-cert", "FILE", Path.class, null,
                "PEM certificate chain: serve HTTPS on --port (env OUTLAY_TLS_CERT)");
        private final OptionSpec tlsKey = option("--tls-key", "FILE", Path.class, null,
                "PEM private key of --tls-cert, unencrypted (env OUTLAY_TLS_KEY)");

        final CommandSpec command = Commands.command("outlay-server", this,
                List.of(port, bind, db, currency, openRegistration, accessLog, maxBody, behindHttps, sessionIdle,
                        sessionLifetime, tlsCert, tlsKey),
                "Serves the Outlay expenses API and web client.%n"
                        + "Every option can also be set by an environment variable: --db as OUTLAY_DB, and so on.")
                .version("outlay-server 0.1");

        Config config;

        @Override
        public Integer call() {
            Currency code = currencyCode(command);
            try {
                config = new Config(bind.getValue(), port.<Integer>getValue(), database(), code,
                        openRegistration.<Boolean>getValue(), maxBody.<Long>getValue(), accessLog.<Boolean>getValue(),
                        behindHttps.<Boolean>getValue(), duration("--session-idle", sessionIdle.getValue()),
                        duration("--session-lifetime", sessionLifetime.getValue()), tlsCert.getValue(), tlsKey.getValue());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
            }
            return 0;
        }

        /** The {@code --db} value, or the default SQLite file. */
        String database() {
            String value = db.getValue();
            return value == null || value.isBlank() ? defaultDatabase() : value;
        }

        /** The {@code --currency} value; a usage error of {@code command} when it is no ISO 4217 code. */
        Currency currencyCode(CommandLine.Model.CommandSpec command) {
            try {
                return Currency.getInstance(currency.<String>getValue().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), "--currency: not an ISO 4217 code: " + currency.getValue());
            }
        }

        /** A duration as {@code 90s}, {@code 30m}, {@code 12h} or {@code 7d}. */
        static Duration duration(String option, String text) {
            var m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(option + ": not a duration such as 30m, 12h or 7d: " + text);
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }
}
