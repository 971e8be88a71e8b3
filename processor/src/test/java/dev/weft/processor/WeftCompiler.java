package dev.weft.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.chan.Chan;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The one compiler set-up every processor test uses: javac with the Weft processor, the runtime
 * (and nothing else) on the class path, every lint on, as a careful user would compile.
 */
final class WeftCompiler {

    private WeftCompiler() {}

    static Compiler javac() {
        return Compiler.javac()
                .withProcessors(new WeftProcessor())
                .withClasspath(List.of(runtimeClasses()))
                .withOptions("--release", "21", "-Xlint:all,-processing");
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().compile(sources);
    }

    /** A source file {@code test/<Name>.java} in package {@code test}. */
    static JavaFileObject source(String simpleName, String body) {
        return JavaFileObjects.forSourceString("test." + simpleName, body);
    }

    /** Where the runtime's classes are: a directory in the reactor build, a jar elsewhere. */
    static File runtimeClasses() {
        return locationOf(Chan.class);
    }

    static File locationOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
