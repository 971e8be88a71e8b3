package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.time.Ticker;
import dev.weft.time.Time;
import dev.weft.time.Timer;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Timers and tickers: a worker beats on every tick until it is told to stop; a timer that is
 * stopped in time never fires; {@code Time.after} in a select.
 *
 * <pre>{@code
 * // Go
 * ticker := time.NewTicker(10 * time.Millisecond)
 * defer ticker.Stop()
 * for { select { case <-ticker.C: beat(); case <-done: return } }
 * }</pre>
 */
public final class TimersSample implements Sample {
    @Override
    public String name() {
        return "timers";
    }

    @Override
    public String title() {
        return "timers and tickers: a heartbeat, a stopped timer, time.After";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // Heartbeat: a worker beats on every tick until its work is done.
        Ticker ticker = Ticker.start(Duration.ofMillis(10));
        Chan<String> beats = Chan.make(10);
        Chan<Void> done = Chan.make();
        Thread worker = Thread.ofVirtual().start(() -> {
            int[] n = {0};
            boolean[] finished = {false};
            try {
                while (!finished[0]) {
                    Select.on()
                            .recv(ticker.c(), t -> beats.send("beat " + ++n[0]))
                            .recv(done, () -> finished[0] = true)
                            .run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 3; i++) {
            out.println(beats.recv());
        }
        done.close();   // the work is over
        worker.join();
        ticker.stop();  // defer ticker.Stop()

        // A timer stopped before it fires never delivers.
        Timer timer = Timer.start(Duration.ofSeconds(1));
        out.println("stopped in time: " + timer.stop());
        Select.on()
                .recv(timer.c(), t -> out.println("stale tick!"))
                .after(Duration.ofMillis(40), () -> out.println("no value after stop"))
                .run();

        // time.After in a select.
        Select.on()
                .recv(Time.after(Duration.ofMillis(5)), t -> out.println("time.After fired"))
                .run();
    }

    public static void main(String[] args) throws Exception {
        new TimersSample().run(System.out);
    }
}
