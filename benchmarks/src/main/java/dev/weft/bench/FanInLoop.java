package dev.weft.bench;

import dev.weft.annotation.Recv;
import dev.weft.annotation.Select;

/**
 * The {@code @Select} loop W8 measures: two receive cases, each handler saying whether to go on.
 * The benchmarks module is compiled without the Weft processor, so the class it generates,
 * {@link FanInLoopSelect}, is checked in; a processor test regenerates it from this file and
 * fails when the two differ.
 */
@Select
interface FanInLoop {
    @Recv
    boolean a(Integer v);

    @Recv
    boolean b(Integer v);
}
