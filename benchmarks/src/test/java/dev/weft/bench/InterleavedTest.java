package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedTest {
    private static final double NA = Double.NaN;

    private static Interleaved.Measured measured(String name, double[][] ns) {
        var c = new Interleaved.Case(name, 1, new Interleaved.Trial[3]);
        return new Interleaved.Measured(c, ns);
    }

    @Test
    void eachRoundComparesWeftWithTheFastestOtherSystemOfThatRound() {
        var m = measured("W1 pingpong", new double[][] {
            {100, 300, 90},   // Weft
            {80, 400, 100},   // JDK queues
            {200, 250, NA}}); // Jox, missing a round
        assertArrayEquals(new double[] {1.25, 1.2, 0.9}, m.ratios(), 1e-9);
        assertEquals(1, m.weftAtOrBelow());
    }

    @Test
    void quantilesSkipMissingValuesAndUseTheNearestRank() {
        double[] v = {5, NA, 1, 4, 2, 3};
        assertEquals(1, Interleaved.quantile(v, 0.1));
        assertEquals(3, Interleaved.quantile(v, 0.5));
        assertEquals(5, Interleaved.quantile(v, 0.9));
        assertTrue(Double.isNaN(Interleaved.quantile(new double[] {NA}, 0.5)));
    }

    @Test
    void theTableShowsMediansAndTheRatioAndNaForASystemWithoutTheWorkload() {
        List<Interleaved.Measured> results = new ArrayList<>();
        results.add(measured("W5 select-fanin", new double[][] {
            {150, 160, 170}, {NA, NA, NA}, {200, 210, 150}}));
        String table = Interleaved.table(results, 3);
        assertTrue(table.startsWith("| workload | Weft | JDK queues | Jox 1.0.1 |"), table);
        assertTrue(table.contains(
                "| W5 select-fanin | 160 | n/a | 200 | 0.76 (0.75-1.13) | 2 of 3 |"), table);
    }

    @Test
    void everyChannelWorkloadHasWeftAndAtLeastOneOtherSystem() {
        for (Interleaved.Case c : Interleaved.cases()) {
            Interleaved.Trial[] t = c.trials();
            assertEquals(Interleaved.SYSTEMS.size(), t.length, c.name());
            assertTrue(t[0] != null && (t[1] != null || t[2] != null), c.name());
        }
    }
}
