package dev.weft.samples.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.ChannelClosedException;
import dev.weft.chan.RecvChan;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineException;
import dev.weft.goroutine.GoroutineInfo;
import dev.weft.goroutine.Handle;
import dev.weft.goroutine.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs what the processor generated for {@link Stages} and {@link Crew}: launchers compiled by
 * the real build, against the real runtime. Each test also checks that no goroutine of these
 * classes outlives its scope.
 */
@Timeout(60)
class GoLaunchersTest {

    @AfterEach
    void noGoroutineOutlivesItsScope() {
        List<String> left = new ArrayList<>();
        for (GoroutineInfo g : Goroutine.snapshot()) {
            if (g.name().startsWith("Stages.") || g.name().startsWith("Crew.") || g.name().startsWith("tally#")) {
                left.add(g.name());
            }
        }
        assertEquals(List.of(), left, "goroutines alive after their scope closed");
    }

    private static <T> List<T> drain(RecvChan<T> in) {
        List<T> out = new ArrayList<>();
        for (T v : in) {
            out.add(v);
        }
        return out;
    }

    @Test
    void generatorLauncherReturnsItsChannelAndClosesItWhenTheMethodEnds() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            RecvChan<Integer> numbers = StagesGo.generate(scope, 5);
            assertEquals(8, numbers.cap(), "capacity from @Go(buffer = 8)");
            assertEquals(List.of(1, 2, 3, 4, 5), drain(numbers));
            scope.await();
        }
    }

    @Test
    void threeStagePipelineIsOneLinePerStage() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            RecvChan<String> lines = StagesGo.render(scope, "sq=", StagesGo.square(scope, StagesGo.generate(scope, 4)));
            assertEquals(List.of("sq=1", "sq=4", "sq=9", "sq=16"), drain(lines));
            scope.await();
        }
    }

    @Test
    void fanOutOfFourWorkersMergesIntoOneChannelClosedAfterTheLastCopy() throws InterruptedException {
        Crew crew = new Crew();
        try (Scope scope = Scope.open()) {
            RecvChan<Integer> results = CrewGo.work(scope, crew, StagesGo.generate(scope, 100));
            List<Integer> got = drain(results);
            // The merged channel closes only after every copy returned.
            assertEquals(4, crew.finished.get());
            got.sort(null);
            assertEquals(IntStream.rangeClosed(1, 100).mapToObj(i -> i * 10).toList(), got);
            assertEquals(4, crew.started.size(), () -> "copies: " + crew.started);
            assertTrue(crew.started.stream().allMatch(n -> n.startsWith("Crew.work#")), () -> "names: " + crew.started);
            scope.await();
        }
    }

    @Test
    void valueReturningLauncherGivesAHandleThatJoinsTheResult() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            Handle<Long> total = StagesGo.sum(scope, StagesGo.generate(scope, 10));
            assertEquals(55L, total.join());
            assertTrue(total.name().startsWith("Stages.sum#"), total.name());
            scope.await();
        }
    }

    @Test
    void valueReturningLauncherRethrowsACheckedFailureWrapped() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            Handle<Integer> ok = StagesGo.parse(scope, "42");
            Handle<Integer> bad = StagesGo.parse(scope, "forty-two");
            assertEquals(42, ok.join());
            GoroutineException e = assertThrows(GoroutineException.class, bad::join);
            assertInstanceOf(IOException.class, e.getCause());
            assertEquals("not a number: forty-two", e.getCause().getMessage());
        }
    }

    @Test
    void failingGoroutineCancelsItsSiblingsAndTheirOutputsStillClose() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            RecvChan<Integer> counting = StagesGo.count(scope);   // stops when the context is done
            StagesGo.stuck(scope);                                 // stops only when interrupted
            assertEquals(0, counting.recv());
            StagesGo.fail(scope, "boom");

            IllegalStateException e = assertThrows(IllegalStateException.class, scope::await);
            assertEquals("boom", e.getMessage());
            assertSame(e, scope.context().cause());
            assertNotNull(scope.context().err());
            // count ended by cancellation; its launcher closed the channel all the same.
            List<Integer> rest = drain(counting);
            assertTrue(rest.size() <= 1, () -> "at most the value in flight, got " + rest);
        }
    }

    @Test
    void goroutinesAreNamedAfterTheirMethod() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            RecvChan<Integer> counting = StagesGo.count(scope);
            counting.recv();
            assertTrue(Goroutine.snapshot().stream().anyMatch(g -> g.name().startsWith("Stages.count#")),
                    Goroutine::dump);
        }
    }

    @Test
    void plainLauncherWithWorkersStartsThatManyCopiesUnderTheChosenName() throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Scope scope = Scope.open()) {
            StagesGo.tally(scope, counter, threads);
            scope.await();
        }
        assertEquals(3, counter.get());
        assertEquals(3, threads.size(), threads::toString);
        assertTrue(threads.stream().allMatch(n -> n.startsWith("tally#")), threads::toString);
    }

    @Test
    void genericVarargsLauncherInfersItsTypeVariable() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            Handle<Integer> max = StagesGo.max(scope, 3, 9, 4);
            Handle<String> word = StagesGo.max(scope, "go", "weft", "chan");
            assertEquals(9, max.join());
            assertEquals("weft", word.join());
        }
    }

    @Test
    void outChannelIsClosedWhenTheMethodFails() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            RecvChan<Integer> values = StagesGo.breakAfter(scope, 2);
            assertEquals(List.of(0, 1), drain(values));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, scope::await);
            assertEquals("broken after 2", e.getMessage());
        }
    }

    @Test
    void closingTheOutChannelInTheMethodIsGosCloseOfClosedChannel() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            StagesGo.closesItsOwnOut(scope);
            ChannelClosedException e = assertThrows(ChannelClosedException.class, scope::await);
            assertEquals("close of closed channel", e.getMessage());
        }
    }

    @Test
    void fanOutDeliversEveryValueAndClosesOnceAcrossManyRuns() throws InterruptedException {
        for (int run = 0; run < 200; run++) {
            Crew crew = new Crew();
            try (Scope scope = Scope.open()) {
                List<Integer> got = drain(CrewGo.work(scope, crew, StagesGo.generate(scope, 7)));
                assertEquals(4, crew.finished.get(), "closed before the last copy ended");
                got.sort(null);
                assertEquals(List.of(10, 20, 30, 40, 50, 60, 70), got);
                scope.await();
            }
        }
    }
}
