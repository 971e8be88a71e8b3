package dev.weft.samples.select;

import dev.weft.annotation.After;
import dev.weft.annotation.Default;
import dev.weft.annotation.Done;
import dev.weft.annotation.Recv;
import dev.weft.annotation.Select;
import dev.weft.annotation.Send;
import dev.weft.annotation.Sent;
import java.util.List;

/** The {@code @Select} declarations {@link SelectLoopsTest} runs: each is one Go event loop. */
final class Loops {

    private Loops() {}

    /** Collects items into batches of a size; hands out a full batch, or the partial one when idle. */
    @Select
    interface Batcher {
        @Recv void item(String s);
        @After("20ms") void idle();
        @Send List<String> batch();
        @Sent("batch") void batchSent(List<String> batch);
        @Done void cancelled();
    }

    /** Go's fan-in with the set-to-nil idiom: ends when both inputs are closed. */
    @Select
    interface Merge {
        @Recv void a(Integer v);
        @Recv void b(Integer v);
    }

    /** Forwards values, offering one only while its queue holds one (Go's nil-channel trick). */
    @Select
    interface Relay {
        @Recv void in(String s);
        @Send String out();
        @Sent("out") void sent(String s);
    }

    /** A receive and a timeout that must fire only when nothing arrives. */
    @Select
    interface Watch {
        @Recv void beat(int n);
        @After("50ms") boolean idle();
    }

    /** A receive and a default that must run only when nothing is ready. */
    @Select
    interface Poll {
        @Recv void in(int n);
        @Default boolean empty();
    }

    /** Waits on a channel that never delivers; only the context ends it. */
    @Select
    interface Wait {
        @Recv void never(String s);
    }

    /** Two receive cases, to count which one a round chooses; seeing the close takes ok. */
    @Select
    interface Pair {
        @Recv boolean left(Integer v);
        @Recv boolean right(Integer v, boolean ok);
    }
}
