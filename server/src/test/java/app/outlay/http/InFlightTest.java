package app.outlay.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Requests that hold much memory run a few at a time; every one of them still runs. */
class InFlightTest {
    @Test
    void noMoreThanTheLimitRunAtOnceAndAllRunInTheEnd() throws Exception {
        // given: a handler that notes how many run with it, wrapped with a limit of 2
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var ran = new AtomicInteger();
        Handler handler = ctx -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            ran.incrementAndGet();
        };
        Handler bounded = InFlight.atMost(2).around(handler);

        // when: 20 requests at once
        var start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                requests.add(threads.submit(() -> {
                    start.await();
                    bounded.handle(null);
                    return null;
                }));
            }
            start.countDown();
            for (var request : requests) {
                request.get();
            }
        }

        // then
        assertThat(most.get()).isEqualTo(2);
        assertThat(ran.get()).isEqualTo(20);
    }
}
