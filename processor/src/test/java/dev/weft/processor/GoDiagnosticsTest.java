package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.WeftCompiler.compile;
import static dev.weft.processor.WeftCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Every diagnostic of {@code @Go} and {@code @Out}: its tag, its fix, the element it sits on. */
class GoDiagnosticsTest {

    private static final String IMPORTS = """
            package test;
            import dev.weft.annotation.Go;
            import dev.weft.annotation.Out;
            import dev.weft.chan.Chan;
            import dev.weft.chan.RecvChan;
            import dev.weft.chan.SendChan;
            import dev.weft.context.Context;
            """;

    private static JavaFileObject orders(String body) {
        return source("Orders", IMPORTS + body);
    }

    private static void assertNothingGeneratedFor(Compilation c, String companion) {
        assertFalse(c.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", companion + ".java").isPresent(),
                companion + " must not be generated");
    }

    @Test
    void goMethodMustNotBePrivate() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go private void process() {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:go-private] @Go method must not be private: the generated"
                + " OrdersGo cannot call it; make it package-private or public")
                .inFile(src).onLineContaining("private void process");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void goMethodMustNotBeAbstract() {
        JavaFileObject src = orders("""
                abstract class Orders {
                    @Go abstract void process();
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-abstract] @Go method must have a body")
                .inFile(src).onLineContaining("abstract void process");
    }

    @Test
    void goMethodOfAnInterfaceMustBeDefaultOrStatic() {
        JavaFileObject src = orders("""
                interface Orders {
                    @Go void process();
                }
                """);
        assertThat(compile(src)).hadErrorContaining("in an interface: make it a default or static method")
                .inFile(src).onLineContaining("void process");
    }

    @Test
    void goMethodClassMustNotBePrivate() {
        JavaFileObject src = orders("""
                class Orders {
                    private static class Secret {
                        @Go void process() {}
                    }
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-inaccessible] @Go method's class Secret is private,"
                + " so the generated Orders_SecretGo cannot name it; make Secret package-private")
                .inFile(src).onLineContaining("void process");
    }

    @Test
    void goMethodSignatureMustUseTypesTheCompanionCanName() {
        JavaFileObject src = orders("""
                class Orders {
                    private record Order(int id) {}
                    @Go static void process(
                            Order order) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-inaccessible] @Go method's signature uses Order")
                .inFile(src).onLineContaining("Order order");
    }

    @Test
    void goMethodInALocalClassIsAnError() {
        JavaFileObject src = orders("""
                class Orders {
                    void run() {
                        class Local {
                            @Go void process() {}
                        }
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:go-local-class] @Go method in a local or anonymous class cannot"
                + " be launched").inFile(src).onLineContaining("@Go void process");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void outInALocalClassIsAnErrorToo() {
        JavaFileObject src = orders("""
                class Orders {
                    void run() {
                        Runnable r = new Runnable() {
                            public void run() {}
                            void produce(@Out SendChan<String> out) {}
                        };
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:out-without-go] @Out is only read on @Go methods, and a method"
                + " of a local or anonymous class cannot be one").inFile(src).onLineContaining("@Out SendChan");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void outOnALocalGoMethodIsReportedOnceAsTheGoMethod() {
        JavaFileObject src = orders("""
                class Orders {
                    void run() {
                        class Local {
                            @Go void produce(@Out SendChan<String> out) {}
                        }
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:go-local-class]").inFile(src).onLineContaining("@Go void produce");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void goMethodInAnAnonymousClassIsAnError() {
        JavaFileObject src = orders("""
                class Orders {
                    Object task = new Object() {
                        @dev.weft.annotation.Go void process() {}
                    };
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-local-class]")
                .inFile(src).onLineContaining("void process");
    }

    @Test
    void goMethodInAnEnumConstantBodyIsAnError() {
        JavaFileObject src = orders("""
                enum Orders {
                    FIRST {
                        @Go void process() {}
                    }
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-local-class]")
                .inFile(src).onLineContaining("void process");
    }

    @Test
    void workersMustBeAtLeastOne() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go(workers = 0) void process() {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-workers] @Go(workers = 0) starts no goroutine;"
                + " use workers = 1 (the default) or more").inFile(src).onLineContaining("workers = 0");
    }

    @Test
    void bufferMustNotBeNegative() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go(buffer = -1)
                    void process(@Out SendChan<String> out) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-buffer] @Go(buffer = -1) is a negative channel"
                + " capacity; use buffer = 0 (unbuffered, the default) or more")
                .inFile(src).onLineContaining("buffer = -1");
    }

    @Test
    void outMustBeOnASendChan() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go void process(@Out String out) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:out-not-sendchan] @Out parameter 'out' must be a"
                + " SendChan<T>, not java.lang.String; declare it as SendChan<T>")
                .inFile(src).onLineContaining("@Out String out");
    }

    @Test
    void outOnABidirectionalChanSuggestsTheSendView() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go void process(@Out Chan<Integer> out) {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("declare it as SendChan<java.lang.Integer>")
                .inFile(src).onLineContaining("@Out Chan<Integer> out");
        assertThat(c).hadNoteCount(0);
    }

    @Test
    void outMustNameItsElementType() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go void process(@Out SendChan<? super Integer> out) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:out-not-sendchan] @Out parameter 'out' must name its"
                + " element type").inFile(src).onLineContaining("SendChan<? super Integer> out");
    }

    @Test
    void outMustNotBeRaw() {
        JavaFileObject src = orders("""
                class Orders {
                    @SuppressWarnings("rawtypes")
                    @Go void process(@Out SendChan out) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("is a raw SendChan; give it an element type")
                .inFile(src).onLineContaining("@Out SendChan out");
    }

    @Test
    void atMostOneOutPerMethod() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go void process(@Out SendChan<Integer> a,
                                     @Out SendChan<Integer> b) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:out-twice] @Go method has two @Out parameters"
                + " ('a' and 'b')").inFile(src).onLineContaining("SendChan<Integer> b");
    }

    @Test
    void outNeedsGo() {
        JavaFileObject src = orders("""
                class Orders {
                    void process(@Out SendChan<Integer> out) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:out-without-go] @Out is only read on @Go methods;"
                + " add @Go to process or remove @Out").inFile(src).onLineContaining("@Out SendChan<Integer> out");
    }

    @Test
    void valueReturningMethodCannotHaveAnOut() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go int process(@Out SendChan<Integer> out) { return 1; }
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-result-and-out] @Go method with an @Out parameter"
                + " must return void").inFile(src).onLineContaining("int process");
    }

    @Test
    void valueReturningMethodCannotHaveWorkers() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go(workers = 2) int process() { return 1; }
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-workers-result] @Go(workers = 2) method must return"
                + " void").inFile(src).onLineContaining("workers = 2");
    }

    @Test
    void bufferWithoutOutIsAWarning() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go(buffer = 8) void process() {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadWarningContaining("[weft:go-buffer-without-out] @Go(buffer = 8) has no effect without an"
                + " @Out parameter").inFile(src).onLineContaining("buffer = 8");
        assertThat(c).generatedSourceFile("test.OrdersGo");
    }

    @Test
    void methodTypeVariableMustNotHideTheClassOne() {
        JavaFileObject src = orders("""
                class Orders<T> {
                    @Go <T> void process(T value) {}
                }
                """);
        assertThat(compile(src)).hadErrorContaining("[weft:go-type-variable-clash] @Go method's type variable T"
                + " hides the class's T").inFile(src).onLineContaining("void process");
    }

    @Test
    void launcherSignaturesMustNotClash() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go static void process(int n) {}
                    @Go static void process(Context ctx, int n) {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:go-launcher-clash] the launcher of this @Go method would have the"
                + " same signature as the launcher of process(int)").inFile(src).onLineContaining("Context ctx, int n");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void companionNamesMustNotClash() {
        JavaFileObject nested = source("Orders", """
                package test;
                class Orders {
                    static class Line { @dev.weft.annotation.Go static void process() {} }
                }
                """);
        JavaFileObject flat = source("Orders_Line", """
                package test;
                class Orders_Line { @dev.weft.annotation.Go static void process() {} }
                """);
        assertThat(compile(nested, flat)).hadErrorContaining("[weft:go-companion-clash] cannot create test.Orders_LineGo");
    }

    @Test
    void contextParameterShouldComeFirst() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go static void process(int n,
                                            Context ctx) {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[weft:go-context-not-first] Context parameter 'ctx' should come first")
                .inFile(src).onLineContaining("Context ctx");
    }

    @Test
    void contextFieldIsAWarning() {
        JavaFileObject src = orders("""
                class Orders {
                    private final Context ctx = Context.background();
                    @Go void process() {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[weft:go-context-field] field 'ctx' stores a Context in a class with"
                + " @Go methods; pass the Context as the first parameter").inFile(src).onLineContaining("Context ctx");
    }

    @Test
    void bidirectionalChanParameterIsANote() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go static void process(Chan<String> jobs) {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeeded();
        assertThat(c).hadNoteContaining("[weft:go-bidirectional-chan] parameter 'jobs' is a bidirectional Chan;"
                + " take RecvChan<java.lang.String> or SendChan<java.lang.String>").inFile(src).onLineContaining("jobs");
    }

    @Test
    void suppressWarningsOnTheElementSilencesItsDiagnostic() {
        JavaFileObject src = orders("""
                class Orders {
                    @Go static void process(int n, @SuppressWarnings("weft:go-context-not-first") Context ctx) {}
                }
                """);
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void suppressWarningsOnAnEnclosingClassSilencesItsDiagnostic() {
        JavaFileObject src = orders("""
                @SuppressWarnings({"unused", "weft:go-bidirectional-chan"})
                class Orders {
                    @Go static void process(Chan<String> jobs) {}
                }
                """);
        assertThat(compile(src)).hadNoteCount(0);
    }

    @Test
    void suppressWarningsForAnotherTagSilencesNothing() {
        JavaFileObject src = orders("""
                @SuppressWarnings("weft:go-context-field")
                class Orders {
                    @Go static void process(Chan<String> jobs) {}
                }
                """);
        assertThat(compile(src)).hadNoteContaining("[weft:go-bidirectional-chan]");
    }

    @Test
    void aSuppressedErrorStillGeneratesNothingForItsElement() {
        JavaFileObject src = orders("""
                class Orders {
                    @SuppressWarnings("weft:go-private")
                    @Go private void process() {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeededWithoutWarnings();
        assertNothingGeneratedFor(c, "OrdersGo");
    }

    @Test
    void aLocalClassDiagnosticCanBeSuppressedAroundIt() {
        JavaFileObject src = orders("""
                class Orders {
                    @SuppressWarnings("weft:go-local-class")
                    void run() {
                        class Local { @Go void process() {} }
                    }
                }
                """);
        assertThat(compile(src)).succeededWithoutWarnings();
    }

    @Test
    void aMethodWithErrorsGetsNoLauncherWhileItsSiblingsDo() {
        JavaFileObject src = orders("""
                class Orders {
                    @SuppressWarnings("weft:go-private") // silenced only so the generated file can be read
                    @Go private void broken() {}
                    @Go static void fine() {}
                }
                """);
        Compilation c = compile(src);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("test.OrdersGo").contentsAsUtf8String().contains("void fine(");
        assertThat(c).generatedSourceFile("test.OrdersGo").contentsAsUtf8String().doesNotContain("broken(");
    }

    @Test
    void everyDiagnosticCarriesItsTagAndAllAreReportedAtOnce() {
        Compilation c = compile(orders("""
                class Orders {
                    @Go(workers = 0, buffer = -1)
                    int process(@Out String a, @Out SendChan<String> b, int n, Context ctx, Chan<String> c) {
                        return n;
                    }
                }
                """));
        List<String> tags = c.diagnostics().stream()
                .map(d -> d.getMessage(Locale.ROOT))
                .map(m -> m.startsWith("[weft:") ? m.substring(1, m.indexOf(']')) : "untagged: " + m)
                .sorted()
                .toList();
        assertEquals(List.of("weft:go-bidirectional-chan", "weft:go-buffer", "weft:go-context-not-first",
                "weft:go-result-and-out", "weft:go-workers", "weft:out-not-sendchan", "weft:out-twice"), tags);
    }
}
