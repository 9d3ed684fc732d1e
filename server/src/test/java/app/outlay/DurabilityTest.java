package app.outlay;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write is on disk before its answer leaves: it survives {@code kill -9} of the server. */
class DurabilityTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the server's log stays for a failure
    Path dir;

    @Test
    void everyAcknowledgedExpenseSurvivesKillDashNine() throws Exception {
        // given a server in its own process
        String db = TestDatabases.fresh(dir);
        int port = freePort();
        Process server = startServerProcess(db, port, dir.resolve("server.log"));
        List<String> acknowledged = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base);
            var client = TestServerClient.register(base);

            // when many writes are acknowledged concurrently and the process is killed right after
            try (var pool = Executors.newFixedThreadPool(8)) {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> client.create(expense("2024-01-01", "food", "-1.00", "write " + n))));
                }
                for (var answer : answers) {
                    acknowledged.add(answer.get());
                }
            }
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        } finally {
            server.destroyForcibly();
        }

        // then a new server on the same file has every one of them
        try (var reopened = TestServer.on(db)) {
            var member = reopened.signIn("survivor", Fixtures.PASSWORD);
            for (String id : acknowledged) {
                assertThat(member.api().get(member.expenses() + "/" + id).status()).as(id).isEqualTo(200);
            }
            assertThat(member.api().get(member.ledger() + "/summary").json().get("count").asInt()).isEqualTo(200);
        }
    }

    private static Process startServerProcess(String db, int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, "app.outlay.Main",
                "--db", db, "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitHealthy(String base) throws Exception {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not become healthy");
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Just enough of a client for a server in another process. */
    private record TestServerClient(HttpClient http, String base, String token, String expenses) {
        static TestServerClient register(String base) throws Exception {
            var http = HttpClient.newHttpClient();
            post(http, base + "/api/v1/users", null, "{\"username\":\"survivor\",\"password\":\"" + Fixtures.PASSWORD + "\"}");
            String token = field(post(http, base + "/api/v1/tokens", null,
                    "{\"username\":\"survivor\",\"password\":\"" + Fixtures.PASSWORD + "\",\"name\":\"t\"}"), "token");
            var ledgers = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledgers"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            String ledgerId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ledgers).get(0).get("id").asText();
            return new TestServerClient(http, base, token, base + "/api/v1/ledgers/" + ledgerId + "/expenses");
        }

        String create(java.util.Map<String, Object> expense) throws Exception {
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(expense);
            String answer = post(http, expenses, token, body);
            return field(answer, "id");
        }

        private static String post(HttpClient http, String url, String token, String json) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String field(String json, String name) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(name).asText();
        }
    }
}
