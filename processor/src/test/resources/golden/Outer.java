package test;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.SendChan;
import java.util.List;

public class Outer<K> {
    public class Box<V extends Number> {
        /** An inner class of a generic class: the launcher declares K and V. */
        @Go(buffer = 1)
        public void pairs(K key, List<V> values, @Out SendChan<String> out) throws InterruptedException {
            for (V v : values) out.send(key + "=" + v);
        }
    }
}
