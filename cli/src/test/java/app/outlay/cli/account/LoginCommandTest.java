package app.outlay.cli.account;

import static app.outlay.cli.support.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.FakeTerminal;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    @Test
    void loginWithThePasswordOnStdinStoresTheServerAndATokenInAFileOnlyTheUserCanRead() throws IOException {
        // given
        var account = server.user();
        var outlay = Outlay.at(home);

        // when
        Run login = outlay.stdin(PASSWORD + "\n")
                .run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");

        // then
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).isEmpty();
        assertThat(login.err()).contains("Logged in to " + server.baseUrl() + " as " + account.username());
        Path settings = home.resolve(".config/outlay/config");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(settings)).contains("token=olt_").contains("username=" + account.username())
                .doesNotContain(PASSWORD);
        assertThat(outlay.run("whoami", "--output", "csv").out()).contains(account.username() + ",false," + server.baseUrl());
    }

    @Test
    void loginAsksForTheUsernameAndThePasswordOnATerminal() {
        // given
        var account = server.user();
        var terminal = FakeTerminal.answering(account.username(), PASSWORD);

        // when
        Run login = Outlay.at(home).terminal(terminal).run("login", "--server", server.baseUrl());

        // then
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly("Username: ",
                "Password for " + account.username() + " at " + server.baseUrl() + ": ");
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsStored() {
        // given
        var account = server.user();

        // when
        Run login = Outlay.at(home).stdin("not the password\n")
                .run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");

        // then
        assertThat(login.exitCode()).isEqualTo(2);
        assertThat(login.err()).contains("Wrong username or password for " + server.baseUrl() + ". (401 Unauthorized)");
        assertThat(home.resolve(".config/outlay/config")).doesNotExist();
    }

    @Test
    void withoutATerminalLoginPointsToPasswordStdin() {
        // when
        Run login = Outlay.at(home).run("login", "--server", server.baseUrl(), "--username", "someone");

        // then
        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.err()).contains("--password-stdin");
    }

    @Test
    void theSettingsLiveUnderXdgConfigHomeOrElseUnderHome() {
        // given
        var account = server.user();
        Path elsewhere = home.resolve("xdg");

        // when
        Outlay.at(home).env("XDG_CONFIG_HOME", null).stdin(PASSWORD)
                .run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");
        Outlay.at(home).env("XDG_CONFIG_HOME", elsewhere.toString()).stdin(PASSWORD)
                .run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");

        // then
        assertThat(home.resolve(".config/outlay/config")).exists();
        assertThat(elsewhere.resolve("outlay/config")).exists();
    }

    @Test
    void rewritingTheSettingsMakesThemPrivateAgain() throws IOException {
        // given
        var account = server.user();
        var outlay = Outlay.at(home);
        outlay.stdin(PASSWORD).run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");
        Files.setPosixFilePermissions(outlay.settingsFile(), PosixFilePermissions.fromString("rw-r--r--"));

        // when
        Run use = outlay.run("ledger", "use", "Personal");

        // then
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outlay.settingsFile()))).isEqualTo("rw-------");
    }

    @Test
    void logoutRevokesTheTokenOnTheServerAndForgetsIt() throws IOException {
        // given
        var account = server.user();
        var outlay = Outlay.at(home);
        outlay.stdin(PASSWORD).run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");
        String token = storedToken(outlay);

        // when
        Run logout = outlay.run("logout");

        // then
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(logout.err()).contains("Logged out of " + server.baseUrl());
        assertThat(Files.readString(outlay.settingsFile())).doesNotContain("token");
        assertThat(Outlay.at(home.resolve("other")).env("OUTLAY_SERVER", server.baseUrl()).env("OUTLAY_TOKEN", token)
                .run("whoami").exitCode()).isEqualTo(2);
        Run whoami = outlay.run("whoami");
        assertThat(whoami.exitCode()).isEqualTo(1);
        assertThat(whoami.err()).contains("You are not logged in");
        assertThat(outlay.run("logout").err()).contains("Not logged in.");
    }

    @Test
    void loggingInAgainRevokesTheTokenItReplaces() throws IOException {
        // given
        var account = server.user();
        var outlay = Outlay.at(home);
        outlay.stdin(PASSWORD).run("login", "--server", server.baseUrl(), "--username", account.username(), "--password-stdin");
        String first = storedToken(outlay);

        // when
        outlay.stdin(PASSWORD).run("login", "--username", account.username(), "--password-stdin");

        // then
        assertThat(storedToken(outlay)).isNotEqualTo(first);
        assertThat(outlay.run("whoami").exitCode()).isZero();
        assertThat(Outlay.at(home.resolve("other")).env("OUTLAY_SERVER", server.baseUrl()).env("OUTLAY_TOKEN", first)
                .run("whoami").exitCode()).isEqualTo(2);
    }

    @Test
    void outlayServerAndOutlayTokenWinOverTheSettingsFile() throws IOException {
        // given
        var stored = server.user();
        var other = server.newUser();
        var outlay = Outlay.at(home);
        outlay.stdin(PASSWORD).run("login", "--server", server.baseUrl(), "--username", stored.username(), "--password-stdin");

        // when
        Run asOther = outlay.env("OUTLAY_TOKEN", other.token()).run("whoami", "--output", "csv");
        Run elsewhere = outlay.env("OUTLAY_SERVER", "http://127.0.0.1:" + closedPort()).run("whoami");

        // then
        assertThat(asOther.out()).contains(other.username()).doesNotContain(stored.username());
        assertThat(elsewhere.exitCode()).isEqualTo(3);
    }

    @Test
    void whoamiTellsTheUserAndTheServerAsJson() {
        // given
        var account = server.user();

        // when
        Run whoami = Outlay.as(account, server, home).run("whoami", "--output", "json");

        // then
        assertThat(whoami.exitCode()).isZero();
        assertThat(whoami.out()).contains("\"username\": \"" + account.username() + "\"")
                .contains("\"admin\": false").contains("\"server\": \"" + server.baseUrl() + "\"");
    }

    private static String storedToken(Outlay outlay) throws IOException {
        return Files.readAllLines(outlay.settingsFile()).stream()
                .filter(line -> line.startsWith("token="))
                .map(line -> line.substring("token=".length()))
                .findFirst().orElseThrow();
    }

    static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
