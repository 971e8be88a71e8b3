package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.WeftCompiler.compile;
import static dev.weft.processor.WeftCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What {@code @Go} generates: two golden files compared exactly, and every launcher form compiled. */
class GoGenerationTest {

    private static String resource(String name) {
        try (InputStream in = GoGenerationTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertGolden(String input, String companion) {
        Compilation c = compile(JavaFileObjects.forSourceString("test." + input, resource(input + ".java")));
        assertThat(c).succeededWithoutWarnings();
        String generated = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", companion + ".java")
                .map(GoGenerationTest::contents).orElseThrow();
        assertEquals(resource(companion + ".java"), generated);
    }

    private static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void generatorFanOutValueAndPlainLaunchersMatchTheGoldenFile() {
        assertGolden("Orders", "OrdersGo");
    }

    @Test
    void innerClassOfAGenericClassIsNamedOuter_BoxGoAndDeclaresEveryTypeVariable() {
        assertGolden("Outer", "Outer_BoxGo");
    }

    /** Every launcher form, and a caller that uses each launcher's exact result type. */
    @Test
    void everyLauncherFormCompilesWithoutWarnings() {
        JavaFileObject forms = source("Forms", """
                package test;
                import dev.weft.annotation.Go;
                import dev.weft.annotation.Out;
                import dev.weft.chan.RecvChan;
                import dev.weft.chan.SendChan;
                import dev.weft.context.Context;
                import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
                import java.util.List;
                import java.util.Map;

                public class Forms<E extends Comparable<E>> {
                    @Go public static void plain() {}
                    @Go static void primitives(int i, long l, double d, boolean b, char c, byte y, short s, float f) {}
                    @Go(workers = 3) void workers(Context ctx, String job) {}
                    @Go void checked(Context ctx) throws IOException, InterruptedException {}
                    @Go static void varargs(int first, String... rest) {}
                    @SafeVarargs @Go static <T> void genericVarargs(T... values) {}
                    @Go(buffer = 2) static void out(@Out SendChan<String> out) {}
                    @Go static void outFirst(@Out SendChan<int[]> out, int n) {}
                    @Go(workers = 2, buffer = 4) void outWorkers(Context ctx, RecvChan<E> in, @Out SendChan<E> out) {}
                    @Go static int value(int a, int b) { return a + b; }
                    @Go <R extends Number & Comparable<R>> R genericValue(E e, Map<E, R> m) throws Exception { return m.get(e); }
                    @Go List<E> classGenericValue(Context ctx) { return List.of(); }
                    @Go static void ctxOnly(Context ctx) {}
                    @Deprecated @Go static void old() {}

                    static class Nested { @Go void run(Forms<?> forms) {} }
                    interface Api {
                        @Go default void viaDefault() {}
                        @Go static String viaStatic() { return "s"; }
                    }
                    enum Mode { ON; @Go void flip() {} }
                    record Point(int x, int y) { @Go int sum() { return x + y; } }
                }
                """);
        JavaFileObject use = source("Use", """
                package test;
                import dev.weft.chan.Chan;
                import dev.weft.chan.RecvChan;
                import dev.weft.goroutine.Handle;
                import dev.weft.goroutine.Scope;
                import java.util.List;
                import java.util.Map;

                class Use {
                    @SuppressWarnings("deprecation")
                    static void all(Scope scope, Forms<String> forms) throws InterruptedException {
                        FormsGo.plain(scope);
                        FormsGo.primitives(scope, 1, 2L, 3.0, true, 'c', (byte) 4, (short) 5, 6f);
                        FormsGo.workers(scope, forms, "job");
                        FormsGo.checked(scope, forms);
                        FormsGo.varargs(scope, 1, "a", "b");
                        FormsGo.genericVarargs(scope, 1, 2, 3);
                        RecvChan<String> out = FormsGo.out(scope);
                        RecvChan<int[]> outFirst = FormsGo.outFirst(scope, 3);
                        RecvChan<String> merged = FormsGo.outWorkers(scope, forms, Chan.<String>make());
                        Handle<Integer> value = FormsGo.value(scope, 1, 2);
                        Handle<Integer> generic = FormsGo.genericValue(scope, forms, "k", Map.of("k", 1));
                        Handle<List<String>> list = FormsGo.classGenericValue(scope, forms);
                        FormsGo.ctxOnly(scope);
                        FormsGo.old(scope);
                        Forms_NestedGo.run(scope, new Forms.Nested(), forms);
                        Forms_ApiGo.viaDefault(scope, new Forms.Api() {});
                        Handle<String> s = Forms_ApiGo.viaStatic(scope);
                        Forms_ModeGo.flip(scope, Forms.Mode.ON);
                        Handle<Integer> sum = Forms_PointGo.sum(scope, new Forms.Point(1, 2));
                        System.out.println(List.of(out, outFirst, merged, value, generic, list, s, sum));
                    }
                }
                """);
        Compilation c = compile(forms, use);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void companionOfAPackagePrivateClassIsPackagePrivateAndOfAPublicOnePublic() {
        Compilation c = compile(source("Hidden", """
                package test;
                class Hidden { @dev.weft.annotation.Go public static void run() {} }
                """));
        assertThat(c).generatedSourceFile("test.HiddenGo").contentsAsUtf8String().contains("\nfinal class HiddenGo {");
        assertThat(c).generatedSourceFile("test.HiddenGo").contentsAsUtf8String().contains("\n    static void run(");
    }

    @Test
    void generatedNamesNeverCaptureTheMethodsParameters() {
        Compilation c = compile(source("Clash", """
                package test;
                import dev.weft.annotation.Go;
                import dev.weft.annotation.Out;
                import dev.weft.chan.SendChan;
                class Clash {
                    @Go(workers = 2) void run(String scope, int clash, int running, int i, @Out SendChan<String> out) {}
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("test.ClashGo").contentsAsUtf8String()
                .contains("run(Scope scope_, Clash clash_, String scope, int clash, int running,");
        assertThat(c).generatedSourceFile("test.ClashGo").contentsAsUtf8String()
                .contains("clash_.run(scope, clash, running, i, out);");
    }

    /** Generates {@code test.Made} in its first round, as Immutables or AutoValue would. */
    private static final class MakesAType extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer w = processingEnv.getFiler().createSourceFile("test.Made").openWriter()) {
                    w.write("package test; public final class Made {}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void aSignatureNamingATypeAnotherProcessorGeneratesWaitsForTheNextRound() {
        Compilation c = WeftCompiler.javac().withProcessors(new WeftProcessor(), new MakesAType()).compile(source("Orders", """
                package test;
                import dev.weft.annotation.Go;
                class Orders {
                    @Go static void process(Made made) {}
                }
                """));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("test.OrdersGo").contentsAsUtf8String().contains("process(Scope scope, Made made)");
    }

    @Test
    void aSignatureNamingAMissingTypeGetsJavacsErrorAndNoLauncher() {
        Compilation c = compile(source("Orders", """
                package test;
                import dev.weft.annotation.Go;
                class Orders {
                    @Go static void process(Missing missing) {}
                }
                """));
        assertThat(c).hadErrorContaining("cannot find symbol");
        assertThat(c).hadErrorCount(1);
    }
}
