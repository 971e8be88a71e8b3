package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.chan.ChannelClosedException;
import dev.weft.chan.Received;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.goroutine.Goroutine;
import java.util.ArrayList;
import java.util.List;

/** Snippets of docs/guide.md, "Channels". */
final class ChannelsGuide {
    private ChannelsGuide() {}

    static List<String> basics() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        // [guide:make]
        Chan<String> unbuffered = Chan.make();      // make(chan string)
        Chan<String> buffered = Chan.make(2);       // make(chan string, 2)
        buffered.send("a");                         // buffered <- "a": room left, no wait
        buffered.send("b");
        int n = buffered.len();                     // len(buffered) == 2, cap(buffered) == 2
        Goroutine.go("sender", () -> unbuffered.send("ping"));
        String s = unbuffered.recv();               // s := <-unbuffered: meets the sender
        // [/guide:make]
        seen.add(s);
        seen.add(n + "/" + buffered.cap());
        seen.add(buffered.recv());
        return seen;
    }

    // [guide:directions]
    static void produce(SendChan<Integer> out, int n) throws InterruptedException {
        try (out) {                                 // defer close(out): the sender closes
            for (int i = 1; i <= n; i++) {
                out.send(i);
            }
        }
    }

    static int sum(RecvChan<Integer> in) {
        int total = 0;
        for (int v : in) {                          // for v := range in: ends at close
            total += v;
        }
        return total;
    }
    // [/guide:directions]

    static int rangeOverClose() {
        // [guide:range]
        Chan<Integer> ch = Chan.make(3);
        Goroutine.go("producer", () -> produce(ch, 10));
        int total = sum(ch);                        // 55
        // [/guide:range]
        return total;
    }

    static List<String> receiveOk() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Chan<String> ch = Chan.make(1);
        ch.send("last");
        // [guide:vok]
        ch.close();
        Received<String> r = ch.recvOk();           // v, ok := <-ch
        if (r.ok()) {
            seen.add(r.value());                    // "last": the buffer drains first
        }
        r = ch.recvOk();                            // then (null, false), at once, forever
        // [/guide:vok]
        seen.add(r.value() + " " + r.ok());
        try {
            // [guide:closedpanics]
            ch.recv();              // Go returns the zero value; Weft throws: a null is no int
            // [/guide:closedpanics]
        } catch (ChannelClosedException e) {
            seen.add(e.getMessage());
        }
        try {
            ch.send("late");
        } catch (ChannelClosedException e) {
            seen.add(e.getMessage());
        }
        try {
            ch.close();
        } catch (ChannelClosedException e) {
            seen.add(e.getMessage());
        }
        return seen;
    }

    /** Non-blocking send and receive without a select. */
    static List<Object> tryOps() {
        Chan<Integer> ch = Chan.make(1);
        // [guide:try]
        boolean sent = ch.trySend(1);               // select { case ch <- 1: default: }
        Received<Integer> got = ch.tryRecv();       // select { case v, ok := <-ch: default: }
        Received<Integer> none = ch.tryRecv();      // null: nothing ready
        // [/guide:try]
        List<Object> out = new ArrayList<>();
        out.add(sent);
        out.add(got.value());
        out.add(none == null);
        return out;
    }

    /** chan struct{}: a close-only signal. */
    static boolean signal() throws InterruptedException {
        // [guide:signal]
        Chan<Void> ready = Chan.make();             // ready := make(chan struct{})
        Goroutine.go("init", () -> ready.close());  // close(ready): wakes every waiter
        ready.recvOk();                             // <-ready
        // [/guide:signal]
        return !ready.recvOk().ok();
    }
}
