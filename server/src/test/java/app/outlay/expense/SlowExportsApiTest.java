package app.outlay.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CSV exports hold a database connection until their last row is written, and a client on a slow line takes its
 * time reading them: more of them at once than the pool has connections once left nothing for anyone else, whose
 * requests were answered 503 after the pool's wait. A HEAD of an export once ran the whole export to drop it.
 */
class SlowExportsApiTest {
    private static final int ROWS = 40_000;
    private static final int SLOW_CLIENTS = 12; // more than the pool's connections on either store
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void exportsReadSlowlyLeaveConnectionsForEveryoneElse() throws Exception {
        // given a ledger whose CSV is megabytes, more than the sockets between client and server buffer
        Member member = server.newUser("slow");
        var csv = new StringBuilder("date,type,amount,description\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("2024-%02d-%02d,food,-%d.50,%s %d\n".formatted(i % 12 + 1, i % 28 + 1, i % 90 + 1,
                    "a long description of a purchase at a shop with a long name".repeat(2), i));
        }
        var imported = member.api().send("POST", member.ledger() + "/imports", csv.toString(), "text/csv");
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);

        // when clients ask for it and read nothing
        List<Socket> slow = new ArrayList<>();
        try {
            var base = URI.create(server.baseUrl());
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                var socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                socket.getOutputStream().write(("GET " + member.expenses() + "?format=csv HTTP/1.1\r\nHost: "
                        + base.getHost() + "\r\nAuthorization: Bearer " + member.token() + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            Thread.sleep(1_000); // their exports run until the sockets are full

            // then another request is answered at once
            long start = System.nanoTime();
            var page = member.api().get(member.expenses() + "?limit=1");
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

            // and so is a HEAD of either export, which reads no row and so waits for no turn
            start = System.nanoTime();
            var csvHead = member.api().send("HEAD", member.expenses() + "?format=csv", null, null);
            var documentHead = member.api().send("HEAD", member.ledger() + "/export", null, null);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(csvHead.status()).as("%s", csvHead).isEqualTo(200);
            assertThat(csvHead.header("Content-Type")).startsWith("text/csv");
            assertThat(documentHead.status()).as("%s", documentHead).isEqualTo(200);
            assertThat(documentHead.header("Content-Type")).startsWith("application/json");
        } finally {
            for (Socket socket : slow) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the test's outcome is decided
                }
            }
        }
    }
}
