package app.outlay;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outlay-server user add} and {@code user reset-password}, run as on the server's machine with a piped password. */
class UserCommandTest {
    private static final String NEW_PASSWORD = "a new and longer passphrase";
    private final InputStream stdin = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreStandardInput() {
        System.setIn(stdin);
    }

    @Test
    void aUserAddedOnTheCommandLineSignsInAndTheFirstIsAnAdmin(@TempDir Path dir) {
        // given
        String db = TestDatabases.fresh(dir);

        // when
        int exit = run(Fixtures.PASSWORD + "\n", Map.of("OUTLAY_DB", db), "user", "add", "Alice");

        // then
        assertThat(exit).as("%s", err).isZero();
        assertThat(out.toString()).isEqualTo("Added Alice (admin)." + System.lineSeparator());
        try (var server = TestServer.on(db)) {
            var me = server.signIn("alice", Fixtures.PASSWORD).api().get("/api/v1/me");
            assertThat(me.text("username")).isEqualTo("Alice");
            assertThat(me.json().path("admin").asBoolean()).isTrue();
        }
    }

    @Test
    void aPasswordResetOnTheCommandLineReplacesTheOldOne(@TempDir Path dir) {
        // given
        String db = TestDatabases.fresh(dir);
        assertThat(run(Fixtures.PASSWORD + "\n", Map.of(), "user", "add", "--db", db, "admin")).isZero();
        assertThat(run(Fixtures.PASSWORD + "\n", Map.of(), "--db", db, "user", "add", "bob")).isZero();

        // when
        int exit = run(NEW_PASSWORD + "\n", Map.of(), "user", "reset-password", "BOB", "--db", db);

        // then
        assertThat(exit).as("%s", err).isZero();
        assertThat(out.toString()).endsWith("Set the password of bob." + System.lineSeparator())
                .doesNotContain(Fixtures.PASSWORD).doesNotContain(NEW_PASSWORD);
        try (var server = TestServer.on(db)) {
            assertThat(server.anonymous().post("/api/v1/sessions", Fixtures.credentials("bob", Fixtures.PASSWORD)).status())
                    .isEqualTo(401);
            assertThat(server.signIn("bob", NEW_PASSWORD).api().get("/api/v1/me").json().path("admin").asBoolean()).isFalse();
        }
    }

    @Test
    void aRefusalIsOneLineOnStandardErrorAndExitCodeOne(@TempDir Path dir) {
        // given
        String db = TestDatabases.fresh(dir);

        // when
        int tooShort = run("short\n", Map.of(), "user", "add", "carol", "--db", db);
        int unknown = run(NEW_PASSWORD + "\n", Map.of(), "user", "reset-password", "nobody", "--db", db);
        int noPassword = run("", Map.of(), "user", "add", "dave", "--db", db);

        // then
        assertThat(tooShort).isEqualTo(1);
        assertThat(unknown).isEqualTo(1);
        assertThat(noPassword).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("password must be 10 to 1024 characters", "No such user.",
                "No password: type it on a terminal, or give it as the first line of standard input.");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String input, Map<String, String> env, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return Config.commandLine(new Config.Options(), env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
