package dev.weft.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.DeadlineExceededException;
import dev.weft.goroutine.Goroutine;
import dev.weft.test.Bubble;
import dev.weft.test.VirtualClock;
import dev.weft.test.WeftTest;
import dev.weft.time.Clock;
import dev.weft.time.Ticker;
import dev.weft.time.Time;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The examples of docs/testing.md, "Virtual time"; they run as tests and pass. */
@WeftTest
class VirtualTimeExampleTest {

    @Test
    void slowServiceTimesOutAfterTenMinutes() throws InterruptedException {
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMinutes(10))) {
            Chan<String> reply = Chan.make(1);
            Goroutine.go("slow-service", () -> {
                Time.sleep(Context.background(), Duration.ofHours(1)); // answers after an hour
                reply.send("too late");
            });
            assertThrows(DeadlineExceededException.class, () -> reply.recv(ctx));
            assertEquals(Instant.parse("2000-01-01T00:10:00Z"), Clock.current().now());
        }
    }

    @Test
    void tickerTicksEveryMinuteForAnHour() throws InterruptedException {
        Ticker ticker = Ticker.start(Duration.ofMinutes(1));
        for (int i = 1; i <= 60; i++) {
            assertEquals(VirtualClock.EPOCH.plus(Duration.ofMinutes(i)), ticker.c().recv());
        }
        ticker.stop();
        assertEquals(Duration.ofHours(1), Bubble.clock().elapsed());
    }

    @Test
    void bubbleWithoutJUnit() throws Exception {
        Bubble.run(() -> {
            Time.sleep(Context.background(), Duration.ofDays(1));
            assertEquals(Duration.ofDays(1), Bubble.clock().elapsed());
        });
    }
}
