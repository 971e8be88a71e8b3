package dev.weft.processor;

import static dev.weft.processor.WeftCompiler.locationOf;
import static dev.weft.processor.WeftCompiler.runtimeClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line path a user without Maven takes: the JDK's own {@code javac} with
 * {@code -processorpath} (processor and JavaPoet), then {@code java} on what it produced. This
 * also proves the ServiceLoader registration, as nothing names the processor class.
 */
class JavacCommandLineTest {

    private static final String PROGRAM = """
            import dev.weft.annotation.Go;
            import dev.weft.annotation.Out;
            import dev.weft.chan.RecvChan;
            import dev.weft.chan.SendChan;
            import dev.weft.goroutine.Scope;

            public class Squares {
                @Go(buffer = 4)
                static void generate(int n, @Out SendChan<Integer> out) throws InterruptedException {
                    for (int i = 1; i <= n; i++) out.send(i);
                }

                @Go(workers = 3)
                static void square(RecvChan<Integer> in, @Out SendChan<Integer> out) throws InterruptedException {
                    for (int v : in) out.send(v * v);
                }

                public static void main(String[] args) throws Exception {
                    long sum = 0;
                    try (Scope scope = Scope.open()) {
                        for (int s : SquaresGo.square(scope, SquaresGo.generate(scope, 10))) sum += s;
                        scope.await();
                    }
                    System.out.println("sum of squares: " + sum);
                }
            }
            """;

    @Test
    void plainJavacWithProcessorpathGeneratesLaunchersThatRun(@TempDir Path dir) throws Exception {
        Path src = Files.writeString(dir.resolve("Squares.java"), PROGRAM);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String processorPath = locationOf(WeftProcessor.class) + File.pathSeparator + locationOf(JavaFile.class);
        String runtime = runtimeClasses().toString();

        Result javac = run(dir, tool("javac"), "--release", "21", "-processorpath", processorPath,
                "-classpath", runtime, "-d", classes.toString(), src.toString());
        assertEquals(0, javac.exit(), javac.output());
        assertTrue(Files.exists(classes.resolve("SquaresGo.class")), "SquaresGo was not generated");

        Result java = run(dir, tool("java"), "-cp", classes + File.pathSeparator + runtime, "Squares");
        assertEquals(0, java.exit(), java.output());
        assertEquals("sum of squares: 385", java.output().strip());
    }

    private record Result(int exit, String output) {}

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
