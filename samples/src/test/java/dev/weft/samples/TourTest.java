package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TourTest {

    private static List<String> output(Sample s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            s.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void helloSampleSquaresThreeJobs() throws Exception {
        assertEquals(List.of("result 1", "result 4", "result 9"), output(new HelloSample()));
    }

    @Test
    void channelsSamplePrintsEachStep() throws Exception {
        assertEquals(List.of(
                "unbuffered: received ping",
                "buffered: len=2 cap=2",
                "range: sum of squares 1..5 = 55",
                "v, ok := <-buf  ->  a, true",
                "v, ok := <-buf  ->  b, true",
                "v, ok := <-buf  ->  null, false"), output(new ChannelsSample()));
    }

    @Test
    void selectSampleTimesOutDefaultsAndQuits() throws Exception {
        assertEquals(List.of(
                "timeout: no result within 50ms",
                "default: no message ready",
                "fibonacci: 0 1 1 2 3 5 8 13 21 34",
                "quit"), output(new SelectSample()));
    }

    @Test
    void sieveFindsThePrimesAndStopsItsGoroutines() throws Exception {
        assertEquals(List.of("first 25 primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, "
                + "53, 59, 61, 67, 71, 73, 79, 83, 89, 97]"), output(new PrimeSieveSample()));
        List<Thread> goroutines = new java.util.ArrayList<>();
        assertEquals(List.of(2, 3, 5, 7, 11), PrimeSieveSample.primes(5, goroutines));
        assertEquals(6, goroutines.size(), "a generator and one filter per prime");
        assertTrue(goroutines.stream().noneMatch(Thread::isAlive), "sieve goroutines still alive");
    }

    @Test
    void sampleNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (Sample s : Tour.SAMPLES) {
            assertTrue(names.add(s.name()), "duplicate sample name " + s.name());
        }
    }
}
