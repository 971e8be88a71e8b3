package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.Received;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import java.io.PrintStream;

/**
 * Channels: unbuffered and buffered, send and receive views, close and range, receive with ok.
 *
 * <pre>{@code
 * // Go
 * ch := make(chan int, 3)
 * go produce(ch)
 * for v := range ch { fmt.Println(v) }
 * }</pre>
 */
public final class ChannelsSample implements Sample {
    @Override
    public String name() {
        return "channels";
    }

    @Override
    public String title() {
        return "unbuffered and buffered channels, directions, close, range, v-ok";
    }

    /** Only sends, so it takes the send view; closing is the sender's job (defer close(out)). */
    static void produce(SendChan<Integer> out, int n) throws InterruptedException {
        try (out) {
            for (int i = 1; i <= n; i++) {
                out.send(i * i);
            }
        }
    }

    /** Only receives, so it takes the receive view; range ends when the channel is closed. */
    static int sum(RecvChan<Integer> in) {
        int total = 0;
        for (int v : in) {
            total += v;
        }
        return total;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // Unbuffered: the send completes only when the receiver takes the value.
        Chan<String> ping = Chan.make();
        Thread.ofVirtual().start(() -> {
            try {
                ping.send("ping");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        out.println("unbuffered: received " + ping.recv());

        // Buffered: sends do not block until the buffer is full.
        Chan<String> buf = Chan.make(2);
        buf.send("a");
        buf.send("b");
        out.println("buffered: len=" + buf.len() + " cap=" + buf.cap());

        // Close and range, with the producer in its own goroutine.
        Chan<Integer> squares = Chan.make(3);
        Thread.ofVirtual().start(() -> {
            try {
                produce(squares, 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        out.println("range: sum of squares 1..5 = " + sum(squares));

        // Receive with ok: the buffer drains first, then ok is false forever.
        buf.close();
        for (int i = 0; i < 3; i++) {
            Received<String> r = buf.recvOk();
            out.println("v, ok := <-buf  ->  " + r.value() + ", " + r.ok());
        }
    }

    public static void main(String[] args) throws Exception {
        new ChannelsSample().run(System.out);
    }
}
