package app.outlay.cli.expense;

import static app.outlay.cli.support.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.App;
import app.outlay.Config;
import app.outlay.cli.support.Api;
import app.outlay.cli.support.InterferingHttpClient;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outlay watch} across a restart of the server: a server of its own, stopped and started on the same port. */
class WatchReconnectTest {
    @TempDir
    Path dir;

    private App app;

    @AfterEach
    void stopTheServer() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void afterTheServerRestartsItReconnectsByItselfAfterTheLastEventItReceived() throws Exception {
        // given
        Config config = Config.defaults(dir.resolve("outlay.db").toString());
        app = App.create(config).start();
        int port = app.port();
        String base = "http://127.0.0.1:" + port;
        Api.anonymous(base).post("/api/v1/users", Map.of("username", "alice", "password", PASSWORD));
        String token = Api.anonymous(base).post("/api/v1/tokens",
                Map.of("username", "alice", "password", PASSWORD, "name", "test")).get("token").asText();
        Api alice = Api.anonymous(base).withToken(token);
        String ledger = alice.get("/api/v1/ledgers").get(0).get("id").asText();
        var http = InterferingHttpClient.recording();
        var watch = Outlay.at(dir.resolve("home")).env("OUTLAY_SERVER", base).env("OUTLAY_TOKEN", token)
                .http(() -> http).start("watch", "--output", "json");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));
        String before = add(alice, ledger, "before the restart");
        watch.awaitOut(out -> out.lines().count() == 1);

        // when
        app.close();
        watch.awaitErr(err -> err.contains("Lost the connection: the server closed it. Reconnecting in 1 s..."));
        app = App.create(onPort(config, port)).start();
        String during = add(alice, ledger, "while watch was away"); // before it is back, most likely
        watch.awaitOut(out -> out.lines().count() == 2);
        alice.patch("/api/v1/ledgers/" + ledger + "/expenses/" + before, Map.of("amount", "-2.00"));
        watch.awaitOut(out -> out.lines().count() == 3);
        Run run = watch.interrupt();

        // then
        assertThat(run.exitCode()).as(run.toString()).isZero();
        var json = new ObjectMapper();
        List<JsonNode> lines = run.out().lines().map(line -> read(json, line)).toList();
        assertThat(lines).extracting(line -> line.get("event").asText() + " " + line.get("expense").get("id").asText())
                .containsExactly("expense.created " + before, "expense.created " + during, "expense.updated " + before);
        String firstEventId = lines.get(0).get("eventId").asText();
        List<HttpRequest> follows = http.requests().stream()
                .filter(request -> request.uri().getPath().endsWith("/events")).toList();
        assertThat(follows.size()).isGreaterThanOrEqualTo(2);
        assertThat(follows.get(0).headers().firstValue("Last-Event-ID")).isEmpty();
        assertThat(follows.subList(1, follows.size()))
                .allSatisfy(request -> assertThat(request.headers().firstValue("Last-Event-ID")).hasValue(firstEventId));
        assertThat(run.err()).contains("Reconnected.\n");
    }

    private static String add(Api api, String ledger, String description) {
        return api.post("/api/v1/ledgers/" + ledger + "/expenses",
                Map.of("date", "2024-03-01", "type", "food", "amount", "-1.00", "description", description)).get("id").asText();
    }

    private static Config onPort(Config c, int port) {
        return new Config(c.bind(), port, c.db(), c.currency(), c.openRegistration(), c.maxBodyBytes(), c.accessLog(),
                c.behindHttps(), c.sessionIdle(), c.sessionLifetime(), c.tlsCert(), c.tlsKey());
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
