package app.outlay.db;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** When PostgreSQL goes away the server says so quickly (503), and recovers by itself when it returns. */
@EnabledIfSystemProperty(named = "outlay.test.store", matches = "postgresql")
class DatabaseOutageApiTest {
    @TempDir
    Path dataDir;

    @Test
    void theServerAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        // given a server on a PostgreSQL of its own, with some data
        int port = freePort();
        var postgres = TestDatabases.start(dataDir, port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        try (var server = TestServer.on(url)) {
            Member member = server.newUser("steady");
            String id = member.api().post(member.expenses(), expense("2024-06-01", "food", "-4.20", "lunch")).text("id");

            // when the database stops
            TestDatabases.close(postgres);

            // then health and the API answer 503 problems, promptly
            Instant asked = Instant.now();
            var health = server.anonymous().get("/health");
            var listing = member.api().get(member.expenses());
            var create = member.api().post(member.expenses(), expense("2024-06-02", "food", "-1.00", "lost?"));
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.text("status")).isEqualTo("DOWN");
            for (var answer : new app.outlay.support.Api.Response[] {listing, create}) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.body()).doesNotContain("Exception").doesNotContain("SQL");
            }

            // when it comes back, the same server serves again and nothing stored was lost
            postgres = TestDatabases.start(dataDir, port);
            awaitHealthy(server);
            assertThat(member.api().get(member.expenses() + "/" + id).text("amount")).isEqualTo("-4.20");
            assertThat(member.api().post(member.expenses(), expense("2024-06-02", "food", "-1.00", "back")).status())
                    .isEqualTo(201);
        } finally {
            TestDatabases.close(postgres);
        }
    }

    private static void awaitHealthy(TestServer server) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (server.anonymous().get("/health").status() != 200) {
            assertThat(Instant.now()).as("recovered within 30 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
