package app.outlay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Requests that hold much memory run a few at a time; every one of them still runs. */
class InFlightTest {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void noMoreThanTheLimitRunAtOnceAndAllRunInTheEnd() throws Exception {
        // given
        InFlight bounded = InFlight.atMost(2);

        // when: 20 requests at once
        atOnce(20, i -> bounded.run(0, this::work));

        // then
        assertThat(most.get()).isEqualTo(2);
        assertThat(ran.get()).isEqualTo(20);
    }

    @Test
    void smallBodiesRunSideBySideWithinTheBudgetAndABodyOfUnknownLengthRunsAlone() throws Exception {
        // given: 1 MiB of heap for requests that take 4 times their body, whose bodies are at most 1 MiB
        InFlight bounded = InFlight.withinHeap(1 << 20, 4, 1 << 20);
        var overlapped = new AtomicBoolean();

        // when: 20 bodies of 64 KiB (256 KiB of heap each) and, among them, 2 of unknown length
        atOnce(22, i -> {
            if (i % 11 == 5) {
                bounded.run(-1, () -> {
                    overlapped.compareAndSet(false, running.get() > 0);
                    work();
                    overlapped.compareAndSet(false, running.get() > 0);
                });
            } else {
                bounded.run(64 << 10, this::work);
            }
        });

        // then: four small ones at once at most, each of the others alone, and all of them ran
        assertThat(most.get()).isEqualTo(4);
        assertThat(overlapped).isFalse();
        assertThat(ran.get()).isEqualTo(22);
    }

    private void work() throws InterruptedException {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        Thread.sleep(20);
        running.decrementAndGet();
        ran.incrementAndGet();
    }

    private interface Request {
        void send(int i) throws Exception;
    }

    private static void atOnce(int count, Request request) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                requests.add(threads.submit(() -> {
                    start.await();
                    request.send(n);
                    return null;
                }));
            }
            start.countDown();
            for (var r : requests) {
                r.get();
            }
        }
    }
}
