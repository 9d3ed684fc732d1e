package app.outlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    @Test
    void anUnknownOptionIsAUsageErrorThatPointsToTheHelp() {
        // when
        Run list = Outlay.as(server.user(), server, home).run("list", "--colour");

        // then
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).contains("outlay: Unknown option: '--colour'").contains("See `outlay list --help`.");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        // when
        Run run = Outlay.at(home).run("lsit");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'lsit'");
    }

    @Test
    void noCommandAtAllPrintsTheUsageAsAnError() {
        // when
        Run run = Outlay.at(home).run();

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: outlay").contains("Commands:");
    }

    @Test
    void aCommandThatNeedsAnAccountWithoutOneIsAUsageError() {
        // when
        Run run = Outlay.at(home).run("list");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("outlay: You are not logged in: run `outlay login` (or set OUTLAY_TOKEN).\n");
    }

    @Test
    void aTokenTheServerDoesNotKnowIsRefusedWithAHintToLogIn() {
        // when
        Run run = Outlay.at(home).env("OUTLAY_SERVER", server.baseUrl()).env("OUTLAY_TOKEN", "olt_forged").run("list");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                outlay: The token is invalid or has been revoked. (401 Unauthorized)
                Log in with `outlay login` (or set OUTLAY_TOKEN to a valid token).
                """);
    }

    @Test
    void aServerThatIsNotListeningIsUnreachable() throws IOException {
        // given
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // when
        Run run = Outlay.at(home).env("OUTLAY_SERVER", "127.0.0.1:" + port).env("OUTLAY_TOKEN", "olt_x").run("whoami");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("outlay: Cannot reach the server at http://127.0.0.1:" + port + ": connection refused\n");
    }

    @Test
    void somethingElseThanAnOutlayServerIsToldApart() throws IOException {
        // given: a web server that answers every path with a page, or with a bare gateway error
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            boolean broken = exchange.getRequestURI().getPath().endsWith("/ledgers");
            byte[] page = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(broken ? 502 : 200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            var outlay = Outlay.at(home).env("OUTLAY_SERVER", "http://127.0.0.1:" + other.getAddress().getPort())
                    .env("OUTLAY_TOKEN", "olt_x");

            // when
            Run whoami = outlay.run("whoami");
            Run list = outlay.run("list");

            // then
            assertThat(whoami.exitCode()).isEqualTo(3);
            assertThat(whoami.err()).contains("its answer is not the Outlay API's JSON");
            assertThat(list.exitCode()).isEqualTo(2);
            assertThat(list.err()).isEqualTo("outlay: The server answered HTTP 502 without an explanation. (502)\n");
        } finally {
            other.stop(0);
        }
    }
}
