package app.outlay.http;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.CapturedLog;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that goes away in the middle of a streamed download (CSV or the JSON export) is nothing to alarm an
 * operator with: one DEBUG line, no error and no stack trace.
 */
class ClientGoneApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member owner;

    @RegisterExtension
    final CapturedLog log = new CapturedLog(Level.DEBUG);

    @BeforeAll
    static void aLedgerOfAboutTenMegabytes() {
        owner = server.newUser(Fixtures.username("downloader"));
        String words = "a long description to make the download larger than every buffer on the way ".repeat(12);
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 10_000; i++) {
            items.add(expense("2024-01-01", "food", "-1.00", words + i));
        }
        assertThat(owner.api().post(owner.expenses() + "/batch", items).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/export", "/expenses?format=csv"})
    void aClientClosingMidDownloadIsOneDebugLine(String download) throws Exception {
        // when a client reads the first bytes of a large download and hangs up
        var base = URI.create(server.baseUrl());
        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.getOutputStream().write(("GET " + owner.ledger() + download + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + owner.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] first = socket.getInputStream().readNBytes(1024);
            assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
            socket.setSoLinger(true, 0); // reset, as a killed download does
        }

        // then the server notes it in one DEBUG line and logs nothing worse
        List<ILoggingEvent> events = awaitLine("the client went away");
        assertThat(events).filteredOn(e -> e.getMessage().contains("went away"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(e.getThrowableProxy()).isNull();
                });
        assertThat(events).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(server.anonymous().get("/health").status()).as("the server serves on").isEqualTo(200);
    }

    /** Every event logged until one holds the text (or an error is logged), within 20 seconds. */
    private List<ILoggingEvent> awaitLine(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<ILoggingEvent> events = log.events();
            if (events.stream().anyMatch(e -> e.getFormattedMessage().contains(text) || e.getLevel() == Level.ERROR)) {
                Thread.sleep(200); // anything logged right after
                return log.events();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Nothing logged that says '" + text + "': " + log.events());
    }
}
