package test;

import dev.weft.annotation.After;
import dev.weft.annotation.Done;
import dev.weft.annotation.Recv;
import dev.weft.annotation.Select;
import dev.weft.annotation.Send;
import dev.weft.annotation.Sent;
import java.util.List;

/** Collects items into batches; offers a batch when one is full; flushes when idle. */
@Select
interface Batcher {

    /** A new item; false ends the loop. */
    @Recv
    boolean item(String s);

    /** The full batch to send, or null when there is none yet. */
    @Send
    List<String> batch();

    @Sent("batch")
    void batchTaken(List<String> batch);

    @After("50ms")
    void idle();

    @Done
    void cancelled();
}
