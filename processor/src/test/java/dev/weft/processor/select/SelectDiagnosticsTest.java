package dev.weft.processor.select;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.WeftCompiler.compile;
import static dev.weft.processor.WeftCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every diagnostic of {@code @Select} and its cases: its tag, its fix, the element it sits on. */
class SelectDiagnosticsTest {

    private static JavaFileObject events(String body) {
        return source("Events", SelectGenerationTest.IMPORTS + body);
    }

    /**
     * Compiles, expects exactly one error, with {@code message} on the line containing {@code line}:
     * so the generated class did not add errors of its own (nothing is generated for a type with errors).
     */
    private static void assertOneError(JavaFileObject src, String message, String line) {
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining(message).inFile(src).onLineContaining(line);
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void selectTypeMustDeclareACase() {
        assertOneError(events("""
                @Select
                interface Events {
                    default void helper() {}
                }
                """), "[weft:select-no-cases] @Select type Events declares no case; add methods marked @Recv,"
                + " @Send, @After, @Default or @Done", "interface Events");
    }

    @Test
    void everyAbstractMethodMustBeACase() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv void in(String s);
                    void forgotten(String s);
                }
                """), "[weft:select-not-a-case] abstract method forgotten of a @Select type is not a case;"
                + " annotate it with @Recv, @Send, @Sent, @After, @Default or @Done, or give it a body",
                "void forgotten");
    }

    @Test
    void aMethodIsOneCase() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv @Default void in();
                }
                """), "[weft:select-two-kinds] method in is marked [@Recv, @Default] but a method is one case",
                "void in()");
    }

    @Test
    void selectHasAtMostOneDefault() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Default void idle();
                    @Default void idleToo();
                }
                """), "[weft:select-two-defaults] a select has at most one default case, and idle is already"
                + " @Default; merge the two methods into one", "void idleToo");
    }

    @Test
    void selectHasAtMostOneDone() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Done void stop();
                    @Done void stopToo();
                }
                """), "[weft:select-two-done] a select has one context, and stop is already @Done", "void stopToo");
    }

    @Test
    void receiveHandlerTakesAtMostTwoParameters() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv void in(String a, boolean ok, int more);
                }
                """), "[weft:select-recv-parameters] @Recv method in takes 3 parameters; a receive handler takes"
                + " the value (T v), the value and ok (T v, boolean ok), or nothing", "void in");
    }

    @Test
    void receiveHandlersSecondParameterIsOk() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv void in(String a,
                                  int notOk);
                }
                """), "[weft:select-recv-parameters] @Recv method in: the second parameter must be 'boolean ok'"
                + " (Go's v, ok := <-ch), not int", "int notOk");
    }

    @Test
    void receiveHandlerTakingOkMustBoxItsValue() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv void in(int n, boolean ok);
                }
                """), "[weft:select-recv-parameters] @Recv method in: the value is null when ok is false, so it"
                + " cannot be a int; take Integer n", "void in");
    }

    @Test
    void sendMethodTakesNoParameters() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Send String out(int n);
                }
                """), "[weft:select-send-signature] @Send method out must take no parameters: it is called before"
                + " every round to produce the value to offer", "String out");
    }

    @Test
    void sendMethodReturnsTheValue() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Send void out();
                }
                """), "[weft:select-send-signature] @Send method out must return the value to offer (null disables"
                + " the case for that round), not void", "void out");
    }

    @Test
    void timeoutNeedsADuration() {
        assertOneError(events("""
                @Select
                interface Events {
                    @After("") void idle();
                }
                """), "[weft:select-after-duration] @After(\"\") is not a duration; write one in Go's notation,"
                + " e.g. @After(\"50ms\")", "@After");
    }

    @Test
    void timeoutDurationIsGoNotation() {
        assertOneError(events("""
                @Select
                interface Events {
                    @After("5 seconds") void idle();
                }
                """), "[weft:select-after-duration] @After(\"5 seconds\") is not a duration", "@After");
    }

    @Test
    void timeoutDefaultAndDoneTakeNoParameters() {
        assertOneError(events("""
                @Select
                interface Events {
                    @After("1s") void idle(String why);
                }
                """), "[weft:select-case-parameters] @After method idle must take no parameters", "void idle");
    }

    @Test
    void handlerReturnsVoidOrBoolean() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv int in(String s);
                }
                """), "[weft:select-case-return] @Recv method in must return void, or boolean to say whether the"
                + " loop goes on (false ends it), not int", "int in");
    }

    @Test
    void doneReturnsVoid() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Done boolean stop();
                }
                """), "[weft:select-case-return] @Done method stop must return void", "boolean stop");
    }

    @Test
    void caseMethodMustNotBeGeneric() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv <T> void in(T v);
                }
                """), "[weft:select-case-generic] @Recv method in must not declare type variables", "void in");
    }

    @Test
    void caseNamesAreUnique() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Recv void in(String s);
                    @Recv void in(Integer n);
                }
                """), "[weft:select-case-overload] two cases are named in", "void in(Integer");
    }

    @Test
    void inheritedCaseMethodIsAnErrorNotASilentlyMissingCase() {
        JavaFileObject src = source("Events", SelectGenerationTest.IMPORTS + """
                @Select interface Events extends Base {
                    @Recv void other(Integer n);
                }
                """);
        Compilation c = compile(src, base());
        assertThat(c).hadErrorContaining("[weft:select-inherited-case] @Recv method Base.in is inherited,"
                + " but a @Select type's cases are the methods it declares itself; override in in Events")
                .inFile(src).onLineContaining("@Select interface Events");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void overridingAnInheritedCaseWithItsAnnotationMakesItACase() {
        assertThat(compile(source("Events", SelectGenerationTest.IMPORTS + """
                @Select interface Events extends Base {
                    @Override @Recv void in(String s);
                }
                """), base())).succeededWithoutWarnings();
    }

    /** A @Select supertype with one case, in its own file. */
    private static JavaFileObject base() {
        return source("Base", SelectGenerationTest.IMPORTS + """
                @Select interface Base {
                    @Recv void in(String s);
                }
                """);
    }

    @Test
    void caseMethodMustNotBePrivate() {
        assertOneError(events("""
                @Select
                abstract class Events {
                    @Recv private void in(String s) {}
                }
                """), "[weft:select-case-not-overridable] @Recv method in must not be private", "private void in");
    }

    @Test
    void caseMethodMustNotBeFinal() {
        assertOneError(events("""
                @Select
                abstract class Events {
                    @Recv final void in(String s) {}
                }
                """), "[weft:select-case-not-overridable] @Recv method in must not be final: the handler implements"
                + " the case; remove final", "final void in");
    }

    @Test
    void sentMustNameASendMethod() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Send String out();
                    @Sent("put") void taken();
                }
                """), "[weft:select-sent-target] @Sent(\"put\") names no @Send method of this type; name one of [out]",
                "@Sent");
    }

    @Test
    void sentTakesTheValueSentOrNothing() {
        assertOneError(events("""
                @Select
                interface Events {
                    @Send String out();
                    @Sent("out") void taken(Integer n);
                }
                """), "[weft:select-case-parameters] @Sent method taken takes the value out() offered, or nothing",
                "void taken");
    }

    @Test
    void selectOnAFinalClassIsAnError() {
        assertOneError(events("""
                @Select
                final class Events {
                    @Recv void in(String s) {}
                }
                """), "[weft:select-not-subclassable] @Select type must be an interface or an abstract class a"
                + " handler can extend: a final class cannot be extended", "final class Events");
    }

    @Test
    void selectOnAnEnumIsAnError() {
        assertOneError(events("""
                @Select
                enum Events {
                    ONE;
                    @Recv void in(String s) {}
                }
                """), "[weft:select-not-subclassable] @Select type must be an interface or an abstract class a"
                + " handler can extend: an enum cannot be implemented by a handler", "enum Events");
    }

    @Test
    void selectOnAClassWithOnlyPrivateConstructorsIsAnError() {
        assertOneError(events("""
                @Select
                abstract class Events {
                    private Events() {}
                    @Recv abstract void in(String s);
                }
                """), "[weft:select-not-subclassable]", "abstract class Events");
    }

    @Test
    void selectTypeMustNotBePrivate() {
        JavaFileObject src = source("Outer", SelectGenerationTest.IMPORTS + """
                class Outer {
                    @Select
                    private interface Events {
                        @Recv void in(String s);
                    }
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:select-inaccessible] @Select type Events is private, so the generated"
                + " Outer_EventsSelect cannot name it; make Events package-private")
                .inFile(src).onLineContaining("private interface Events");
    }

    @Test
    void caseAnnotationOutsideSelectIsAnError() {
        JavaFileObject src = events("""
                interface Events {
                    @Recv void in(String s);
                }
                """);
        Compilation c = compile(src);
        assertThat(c).hadErrorContaining("[weft:select-case-without-select] @Recv is only read in a @Select type;"
                + " add @Select to Events or remove @Recv").inFile(src).onLineContaining("void in");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void generatedNameTakenIsAnError() {
        JavaFileObject src = events("""
                @Select
                interface Events {
                    @Recv void in(String s);
                }
                """);
        Compilation c = compile(src, source("EventsSelect", "package test; class EventsSelect {}"));
        assertThat(c).hadErrorContaining("[weft:select-class-clash] cannot create test.EventsSelect");
    }
}
