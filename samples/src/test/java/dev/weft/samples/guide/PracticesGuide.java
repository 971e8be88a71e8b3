package dev.weft.samples.guide;

import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import java.util.List;

/** Snippets of docs/guide.md, "Best practices". */
final class PracticesGuide {
    private PracticesGuide() {}

    // [guide:practices]
    /** Context first, never stored; directions in the signature; the sender closes. */
    static void copyUpper(Context ctx, RecvChan<String> in, SendChan<String> out) throws InterruptedException {
        try (out) {
            for (String s : in) {
                out.send(ctx, s.toUpperCase());                  // gives up when ctx is done
            }
        }
    }
    // [/guide:practices]

    static List<String> run() throws InterruptedException {
        dev.weft.chan.Chan<String> in = dev.weft.chan.Chan.make(2);
        dev.weft.chan.Chan<String> out = dev.weft.chan.Chan.make(2);
        in.send("a");
        in.send("b");
        in.close();
        copyUpper(Context.background(), in, out);
        return List.of(out.recv(), out.recv(), String.valueOf(out.recvOk().ok()));
    }
}
