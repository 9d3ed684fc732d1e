package app.outlay.cli.account;

import app.outlay.cli.ExitCodes;
import app.outlay.cli.Session;
import app.outlay.cli.Terminal;
import app.outlay.cli.UsageError;
import app.outlay.cli.api.IssuedToken;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.ServerUnreachable;
import app.outlay.cli.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outlay login}: trades a username and password for a personal access token and stores it. */
@Command(name = "login",
        header = "Sign in, and remember the server and a token.",
        description = "Sign in: creates a personal access token on the server and stores it, with the "
                + "server's address, in the settings file (readable by you only). The password is never "
                + "stored.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  outlay login                                  (asks for username and password)",
            "  outlay login --server https://outlay.example.org --username alice",
            "  pass show outlay | outlay login --username alice --password-stdin"})
public final class LoginCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--server", paramLabel = "URL",
            description = "The server (default: OUTLAY_SERVER, else the last one, else http://127.0.0.1:8080).")
    String server;

    @Option(names = "--username", paramLabel = "NAME", description = "Your username (asked for when absent).")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input instead of asking.")
    boolean passwordStdin;

    @Option(names = "--token-name", paramLabel = "NAME", defaultValue = "outlay command line",
            description = "A label for the token, shown in the token list (default: ${DEFAULT-VALUE}).")
    String tokenName;

    LoginCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        URI url = server != null ? Session.parseServer(server) : session.server();
        String user = username != null ? username : ask("Username: ");
        String password = passwordStdin ? passwordFromStdin() : askPassword("Password for " + user + " at " + url + ": ");
        IssuedToken token;
        try {
            token = session.api(url, null).createToken(user, password, tokenName);
        } catch (ServerRefused e) {
            throw e.status() == 401 ? e.explained("Wrong username or password for " + url + ".") : e;
        }
        Settings before = session.settings();
        session.configFile().write(before.signedIn(url.toString(), token.token(), token.id(), user));
        revokeReplaced(before);
        session.messages().println("Logged in to " + url + " as " + user + ".");
        if (session.context().env().get("OUTLAY_TOKEN") != null) {
            session.messages().println("Note: OUTLAY_TOKEN is set, and wins over the token just stored.");
        }
        return ExitCodes.OK;
    }

    /** Logging in again leaves no forgotten token alive on the server; a failure here changes nothing. */
    private void revokeReplaced(Settings before) {
        if (before.token() == null || before.tokenId() == null || before.server() == null) {
            return;
        }
        try {
            session.api(Session.parseServer(before.server()), before.token()).revokeToken(before.tokenId());
        } catch (ServerRefused | ServerUnreachable | UsageError e) {
            // already revoked, or that server is gone: nothing left to clean up
        }
    }

    private String ask(String prompt) {
        String answer = terminal().readLine(prompt);
        if (answer == null || answer.isBlank()) {
            throw new UsageError(terminal().interactive() ? "No username given." : "No terminal to ask on: give --username.");
        }
        return answer.strip();
    }

    private String askPassword(String prompt) {
        char[] password = terminal().readPassword(prompt);
        if (password == null) {
            throw new UsageError("No terminal to ask for the password on: pipe it in with --password-stdin.");
        }
        return new String(password);
    }

    private String passwordFromStdin() {
        try {
            var reader = new BufferedReader(new InputStreamReader(session.context().in(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageError("--password-stdin: standard input held no password.");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input", e);
        }
    }

    private Terminal terminal() {
        return session.context().terminal();
    }
}
