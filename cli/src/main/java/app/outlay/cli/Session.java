package app.outlay.cli;

import app.outlay.cli.api.ApiClient;
import app.outlay.cli.api.Ledger;
import app.outlay.cli.config.ConfigFile;
import app.outlay.cli.config.Settings;
import app.outlay.cli.ledger.Ledgers;
import app.outlay.cli.output.Format;
import app.outlay.cli.output.Printer;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.util.List;

/**
 * What every command works with: the settings (file, then {@code OUTLAY_SERVER} and {@code OUTLAY_TOKEN} over it),
 * the signed-in API, the chosen ledger and the printer. Reads the global options when a command runs.
 */
public final class Session {
    /** Where {@code outlay-server} listens unless told otherwise. */
    public static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:8080");

    private final Context context;
    private final OutlayCommand options;
    private HttpClient http;

    Session(Context context, OutlayCommand options) {
        this.context = context;
        this.options = options;
    }

    public Context context() {
        return context;
    }

    /** Standard error, for messages; the data written so far go out first, so that a terminal shows them in order. */
    public PrintStream messages() {
        context.out().flush();
        return context.err();
    }

    public ConfigFile configFile() {
        return ConfigFile.in(context.env());
    }

    public Settings settings() {
        return configFile().read();
    }

    /** {@code OUTLAY_SERVER}, else the server logged in to, else the local default. */
    public URI server() {
        String fromEnv = env("OUTLAY_SERVER");
        if (fromEnv != null) {
            return parseServer(fromEnv);
        }
        String stored = settings().server();
        return stored != null ? parseServer(stored) : DEFAULT_SERVER;
    }

    /** The API as the signed-in user ({@code OUTLAY_TOKEN}, else the stored token). */
    public ApiClient api() {
        String token = env("OUTLAY_TOKEN");
        if (token == null) {
            token = settings().token();
        }
        if (token == null) {
            throw new UsageError("You are not logged in: run `outlay login` (or set OUTLAY_TOKEN).");
        }
        return api(server(), token);
    }

    public ApiClient api(URI server, String token) {
        if (http == null) {
            http = context.http().get();
        }
        return new ApiClient(http, server, token);
    }

    /** The ledger's id: {@code --ledger}, else the one chosen with {@code outlay ledger use}, else the first. */
    public String ledgerId(ApiClient api) {
        if (options.ledger != null) {
            return Ledgers.find(api.ledgers(), options.ledger).id();
        }
        String chosen = settings().ledger();
        return chosen != null ? chosen : first(api.ledgers()).id();
    }

    /** The ledger itself, chosen as {@link #ledgerId} chooses it, for commands that name it in their messages. */
    public Ledger ledger(ApiClient api) {
        List<Ledger> ledgers = api.ledgers();
        if (options.ledger != null) {
            return Ledgers.find(ledgers, options.ledger);
        }
        String chosen = settings().ledger();
        return chosen != null ? Ledgers.find(ledgers, chosen) : first(ledgers);
    }

    /** The ledger a command uses when {@code --ledger} is not given (null when there is none). */
    public String defaultLedgerId(List<Ledger> ledgers) {
        String chosen = settings().ledger();
        if (chosen != null && ledgers.stream().anyMatch(ledger -> ledger.id().equals(chosen))) {
            return chosen;
        }
        return ledgers.isEmpty() ? null : ledgers.get(0).id();
    }

    /** {@code --output} as given, or null. */
    public Format requestedFormat() {
        return options.output;
    }

    /** {@code --output}, else a table for people on a terminal and CSV for programs. */
    public Format format() {
        if (options.output != null) {
            return options.output;
        }
        return context.terminal().interactive() ? Format.TABLE : Format.CSV;
    }

    public Printer printer() {
        return new Printer(format(), context.out(), context.color());
    }

    /** A server's base URL from what people type: {@code http://} is assumed, a trailing slash dropped. */
    public static URI parseServer(String text) {
        String url = text.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(text, "expected http://HOST[:PORT] or https://HOST[:PORT][/PATH]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageError("Not a server URL: " + text + " (expected e.g. http://127.0.0.1:8080)");
        }
    }

    private static Ledger first(List<Ledger> ledgers) {
        if (ledgers.isEmpty()) {
            throw new UsageError("You have no ledger yet: create one with `outlay ledger create NAME`.");
        }
        return ledgers.get(0);
    }

    private String env(String name) {
        String value = context.env().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
