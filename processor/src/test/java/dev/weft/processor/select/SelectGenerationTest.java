package dev.weft.processor.select;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.WeftCompiler.compile;
import static dev.weft.processor.WeftCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * What {@code @Select} generates: one golden file compared exactly, and every case kind compiled
 * warning-free, with its use from a caller compiled too (so the factory's types are checked).
 * What the generated loops do is tested by running them, in the samples module.
 */
class SelectGenerationTest {

    static final String IMPORTS = """
            package test;
            import dev.weft.annotation.*;
            import dev.weft.chan.Chan;
            import dev.weft.chan.RecvChan;
            import dev.weft.chan.SendChan;
            import dev.weft.context.Context;
            import java.util.List;
            """;

    static String resource(String name) {
        try (InputStream in = SelectGenerationTest.class.getResourceAsStream("/golden/select/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/select/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String generated(Compilation c, String simpleName) {
        JavaFileObject file = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", simpleName + ".java")
                .orElseThrow(() -> new AssertionError(simpleName + " was not generated"));
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Compilation compileClean(JavaFileObject... sources) {
        Compilation c = compile(sources);
        assertThat(c).succeededWithoutWarnings();
        return c;
    }

    @Test
    void receiveSendSentAfterAndDoneMatchTheGoldenFile() {
        Compilation c = compileClean(JavaFileObjects.forSourceString("test.Batcher", resource("Batcher.java")));
        assertEquals(resource("BatcherSelect.java"), generated(c, "BatcherSelect"));
    }

    @Test
    void receiveHandlerMayTakeTheValueTheValueAndOkOrNothing() {
        Compilation c = compileClean(source("Events", IMPORTS + """
                @Select
                interface Events {
                    @Recv void value(String s);
                    @Recv boolean valueOk(Integer n, boolean ok);
                    @Recv void tick();
                    @Recv void count(int n);
                }
                """), source("Use", IMPORTS + """
                class Use {
                    static void use(Context ctx, Events events) throws InterruptedException {
                        Chan<String> a = Chan.make();
                        Chan<Integer> b = Chan.make();
                        Chan<java.time.Instant> ticks = Chan.make();
                        EventsSelect.bind(a, b, ticks, b).loop(ctx, events);
                    }
                }
                """));
        String src = generated(c, "EventsSelect");
        assertTrue(src.contains("handler.valueOk((Integer) select.value(), select.ok())"), src);
        assertTrue(src.contains("RecvChan<?> tick"), src);
        assertTrue(src.contains("handler.count((Integer) select.value())"), src);
        assertTrue(src.contains("int receiving = (value == null ? 0 : 1) + (valueOk == null ? 0 : 1)"
                + " + (tick == null ? 0 : 1) + (count == null ? 0 : 1);"), src);
    }

    @Test
    void aWrongElementTypeIsACompileErrorAtTheCallSite() {
        JavaFileObject use = source("Use", IMPORTS + """
                class Use {
                    static void use(Context ctx, Events events) throws InterruptedException {
                        Chan<Integer> wrong = Chan.make();
                        EventsSelect.bind(wrong).loop(ctx, events);
                    }
                }
                """);
        Compilation c = compile(source("Events", IMPORTS + """
                @Select
                interface Events {
                    @Recv void value(String s);
                }
                """), use);
        assertThat(c).hadErrorContaining("incompatible types").inFile(use).onLineContaining("bind(wrong)");
    }

    @Test
    void sendWithoutSentDefaultAndNoDoneCompileAndThrowTheContextsError() {
        Compilation c = compileClean(source("Pump", IMPORTS + """
                @Select
                abstract class Pump {
                    @Send abstract Integer next();
                    @Default abstract boolean idle();
                    int helper() { return 1; }
                }
                """));
        String src = generated(c, "PumpSelect");
        assertTrue(src.contains("select.orElse();"), src);
        assertTrue(src.contains("case DONE -> throw ContextException.of(ctx);"), src);
        assertTrue(src.contains("for (;;)"), src);
    }

    @Test
    void genericTypeCheckedExceptionsAndCaseNamesThatClashWithLocals() {
        Compilation c = compileClean(source("Relay", IMPORTS + """
                @Select
                public interface Relay<T> {
                    @Recv void select(List<T> batch) throws java.io.IOException;
                    @Send T loop();
                    @Sent("loop") boolean handler(T sent);
                    @After("1m30s") void ctx();
                }
                """));
        String src = generated(c, "RelaySelect");
        assertTrue(src.contains("public static <T> RelaySelect<T> bind(RecvChan<List<T>> select, SendChan<T> loop)"), src);
        assertTrue(src.contains("@SuppressWarnings(\"unchecked\")"), src);
        assertTrue(src.contains("Duration.ofSeconds(90)"), src);
        assertTrue(src.contains("throws InterruptedException, IOException"), src);
    }

    @Test
    void nestedTypeGetsOuter_InnerSelect() {
        Compilation c = compileClean(source("Outer", IMPORTS + """
                class Outer {
                    @Select
                    interface Inner {
                        @Recv void in(String s);
                        @After("2h") void late();
                    }
                }
                """));
        assertTrue(generated(c, "Outer_InnerSelect").contains("Duration.ofHours(2)"));
    }

    @Test
    void theBenchmarksCheckedInCopyIsWhatTheProcessorGenerates() throws IOException {
        java.nio.file.Path bench = java.nio.file.Path.of("..", "benchmarks", "src", "main", "java", "dev", "weft", "bench");
        Compilation c = compileClean(JavaFileObjects.forSourceString("dev.weft.bench.FanInLoop",
                java.nio.file.Files.readString(bench.resolve("FanInLoop.java"))));
        String generated = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "dev.weft.bench", "FanInLoopSelect.java")
                .orElseThrow().getCharContent(false).toString();
        assertEquals(generated, java.nio.file.Files.readString(bench.resolve("FanInLoopSelect.java")),
                "benchmarks/.../FanInLoopSelect.java must be exactly what the processor generates for FanInLoop.java");
    }
}
