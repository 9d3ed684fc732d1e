package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.outlay.cli.api.EventStream;
import app.outlay.cli.api.Problem;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.ServerUnreachable;
import app.outlay.cli.api.SseParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reconnection logic, against scripted connections: what it asks for, how long it waits, when it gives up. */
@Timeout(20)
class FollowerTest {
    private final List<String> opened = Collections.synchronizedList(new ArrayList<>()); // each Last-Event-ID sent
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Function<String, EventStream>> connections = new ArrayDeque<>();

    @Test
    void afterTheServerEndsTheStreamItReconnectsAfterTheLastEventReceived() {
        // given
        connect(": following\n\nid: 42\nevent: expense.created\ndata: {\"id\":\"7\"}\n\n"
                + "id: 43\nevent: expense.updated\ndata: {\"id\":\"7\"}\n\n");
        connect("id: 44\nevent: expense.deleted\ndata: {\"id\":\"7\"}\n\n");

        // when
        follower().run(null);

        // then
        assertThat(opened).containsExactly("none", "43", "44");
        assertThat(seen).containsExactly("connected", "expense.created 42", "expense.updated 43",
                "lost: Lost the connection: the server closed it", "connected again", "expense.deleted 44",
                "lost: Lost the connection: the server closed it", "connected again");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aBrokenConnectionIsResumedFromTheLastWholeEvent() {
        // given
        connections.add(last -> new EventStream(breaking("id: 42\nevent: expense.created\ndata: {}\n\nid: 43\nevent: exp"), last));
        connect("");

        // when
        follower().run("41");

        // then
        assertThat(opened).containsExactly("41", "42", "42");
        assertThat(seen).contains("lost: Lost the connection (connection reset)");
    }

    @Test
    void whileTheServerCannotBeReachedItTriesAgainEachTimeTwiceAsLateUpTo15Seconds() {
        // given
        connect("id: 1\nevent: expense.created\ndata: {}\n\n");
        for (int i = 0; i < 6; i++) {
            connections.add(last -> {
                throw new ServerUnreachable(URI.create("http://127.0.0.1:1"), new ConnectException());
            });
        }
        connections.add(last -> {
            throw new ServerRefused(problem(503));
        });
        connect("id: 2\nevent: expense.created\ndata: {}\n\n");

        // when
        follower().run(null);

        // then
        assertThat(waits).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(15), Duration.ofSeconds(1)); // back to 1 s once connected
        assertThat(opened).containsExactly("none", "1", "1", "1", "1", "1", "1", "1", "1", "2");
        assertThat(seen).contains("lost: Cannot reach the server at http://127.0.0.1:1: connection refused");
    }

    @Test
    void theServersRetryFieldSetsTheFirstDelay() {
        assertThat(Follower.delay(3000, 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Follower.delay(3000, 4)).isEqualTo(Duration.ofSeconds(15));
        assertThat(Follower.delay(60_000, 3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Follower.delay(0, 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(Follower.delay(-1, 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusalAfterConnectingEndsIt() {
        // given
        connect("id: 1\nevent: expense.created\ndata: {}\n\n");
        connections.add(last -> {
            throw new ServerRefused(problem(404));
        });
        var follower = follower();

        // then
        assertThatThrownBy(() -> follower.run(null)).isInstanceOf(ServerRefused.class);
        assertThat(follower.hasConnected()).isTrue();
        assertThat(opened).containsExactly("none", "1");
    }

    @Test
    void theFirstConnectionMustSucceed() {
        // given
        connections.add(last -> {
            throw new ServerUnreachable(URI.create("http://127.0.0.1:1"), new ConnectException());
        });
        var follower = follower();

        // then
        assertThatThrownBy(() -> follower.run(null)).isInstanceOf(ServerUnreachable.class);
        assertThat(follower.hasConnected()).isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void aConnectionSilentForLongerThanThreeHeartbeatsIsDroppedAndMadeAgain() {
        // given
        connections.add(last -> new EventStream(silentAfter("id: 5\nevent: expense.created\ndata: {}\n\n"), last));
        connect("");

        // when
        follower(Duration.ofMillis(200)).run(null);

        // then
        assertThat(opened).containsExactly("none", "5", "5");
        assertThat(seen).anyMatch(line -> line.startsWith("lost: Lost the connection: nothing came from the server"));
    }

    @Test
    void stopEndsTheFollowingWhileItWaitsForEvents() throws Exception {
        // given
        var reading = new CountDownLatch(1);
        connections.add(last -> new EventStream(silentAfter("", reading), last));
        var follower = follower();
        var done = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            follower.run(null);
            done.countDown();
        });

        // when
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        follower.stop();

        // then
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(waits).isEmpty();
    }

    /** A follower over {@link #connections}; when they run out it is sent an event that its listener stops at. */
    private Follower follower() {
        return follower(Duration.ofSeconds(45));
    }

    private Follower follower(Duration silence) {
        return new Follower(lastEventId -> {
            opened.add(lastEventId == null ? "none" : lastEventId);
            Function<String, EventStream> next = connections.poll();
            if (next == null) {
                return new EventStream(new ByteArrayInputStream("event: end\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8)),
                        lastEventId);
            }
            return next.apply(lastEventId);
        }, new Follower.Listener() {
            @Override
            public void connected(boolean again) {
                seen.add(again ? "connected again" : "connected");
            }

            @Override
            public boolean event(SseParser.Event event) {
                if (event.type().equals("end")) {
                    return false;
                }
                seen.add(event.type() + " " + event.lastEventId());
                return true;
            }

            @Override
            public void lost(String reason, Duration delay, int failures) {
                seen.add("lost: " + reason);
            }
        }, waits::add, silence);
    }

    private void connect(String text) {
        connections.add(last -> new EventStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), last));
    }

    private static Problem problem(int status) {
        return new Problem("about:blank", "", status, "Refused.", null, null);
    }

    /** {@code text}, then the connection breaks. */
    private static InputStream breaking(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (at == bytes.length) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(length, bytes.length - at);
                System.arraycopy(bytes, at, buffer, offset, n);
                at += n;
                return n;
            }
        };
    }

    /** {@code text}, then nothing until closed. */
    private static InputStream silentAfter(String text) {
        return silentAfter(text, new CountDownLatch(1));
    }

    /** {@code text}, then nothing until closed; {@code waiting} counts down once a read waits. */
    private static InputStream silentAfter(String text, CountDownLatch waiting) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var closed = new CountDownLatch(1);
        return new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (at < bytes.length) {
                    int n = Math.min(length, bytes.length - at);
                    System.arraycopy(bytes, at, buffer, offset, n);
                    at += n;
                    return n;
                }
                waiting.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                throw new IOException("closed");
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }
}
