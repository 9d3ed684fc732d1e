package app.outlay.support;

import app.outlay.App;
import app.outlay.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a random port over a fresh database, as a test class's fixture:
 * {@code @RegisterExtension static final TestServer server = TestServer.start();} stops it after the class.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {
    private final App app;
    private final Path dir;
    private final String database;
    private Member admin;

    private TestServer(App app, Path dir, String database) {
        this.app = app;
        this.dir = dir;
        this.database = database;
    }

    public static TestServer start() {
        return start(config -> config);
    }

    public static TestServer start(java.util.function.UnaryOperator<Config> customize) {
        return start(customize, java.time.Clock.systemUTC());
    }

    /** A server whose sense of time is {@code clock}. */
    public static TestServer start(java.util.function.UnaryOperator<Config> customize, java.time.Clock clock) {
        Path dir = TestDatabases.tempDir();
        Config config = customize.apply(Config.defaults(TestDatabases.fresh(dir)));
        return new TestServer(App.create(config, clock).start(), dir, config.db());
    }

    /** A server over an existing database, which it leaves in place when closed. */
    public static TestServer on(String db) {
        return new TestServer(App.create(Config.defaults(db)).start(), null, db);
    }

    /** The {@code --db} value this server runs on, to start another server on the same data. */
    public String database() {
        return database;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public Api anonymous() {
        return new Api(baseUrl(), null);
    }

    /**
     * Registers a user and signs them in with a fresh token. The first user of a server is its admin;
     * later ones are created by that admin, since registration is closed by default.
     */
    public synchronized Member newUser(String username) {
        if (admin == null && !username.equals("admin")) {
            admin = newUser("admin");
        }
        Api registrar = admin == null ? anonymous() : admin.api();
        var created = registrar.post("/api/v1/users", Fixtures.credentials(username, Fixtures.PASSWORD));
        if (created.status() != 201) {
            throw new AssertionError("Could not register " + username + ": " + created);
        }
        Member member = signIn(username, Fixtures.PASSWORD);
        if (admin == null) {
            admin = member;
        }
        return member;
    }

    /** A client signed in as an existing user, with that user's first ledger. */
    public Member signIn(String username, String password) {
        var token = anonymous().post("/api/v1/tokens", java.util.Map.of("username", username, "password", password, "name", "test"));
        if (token.status() != 201) {
            throw new AssertionError("Could not sign in " + username + ": " + token);
        }
        Api api = anonymous().withToken(token.text("token"));
        String id = api.get("/api/v1/me").text("id");
        String ledgerId = api.get("/api/v1/ledgers").json().get(0).get("id").asText();
        return new Member(id, username, api, ledgerId, token.text("token"));
    }

    /** Signs in for a browser session; the client sends its cookie (and nothing that proves where it comes from). */
    public Api session(String username, String password) {
        var started = anonymous().post("/api/v1/sessions", Fixtures.credentials(username, password));
        if (started.status() != 204) {
            throw new AssertionError("Could not start a session for " + username + ": " + started);
        }
        return anonymous().withHeader("Cookie", cookiePair(started.header("Set-Cookie")));
    }

    /** {@code name=value} of a {@code Set-Cookie} header. */
    public static String cookiePair(String setCookie) {
        return setCookie.split(";", 2)[0];
    }

    /** Sends a request as bytes on a socket and reads the whole answer: for requests no HTTP client would send. */
    public String raw(String request) {
        var base = URI.create(baseUrl());
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        app.close();
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
