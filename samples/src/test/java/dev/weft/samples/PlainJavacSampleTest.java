package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.processor.WeftProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline sample built with nothing but the JDK: {@code javac -processorpath} (the Weft
 * processor and JavaPoet) generates {@code PipelineSampleGo}, and {@code java} runs it. This is
 * the command docs/processor.md shows for users without a build tool.
 */
class PlainJavacSampleTest {

    @Test
    void pipelineSampleCompilesWithPlainJavacAndRuns(@TempDir Path dir) throws Exception {
        Path sources = Path.of("src/main/java/dev/weft/samples").toAbsolutePath();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String processorPath = locationOf(WeftProcessor.class) + File.pathSeparator
                + locationOf(com.palantir.javapoet.JavaFile.class);
        String runtime = locationOf(Chan.class);

        Result javac = run(dir, tool("javac"), "--release", "21",
                "-processorpath", processorPath, "-classpath", runtime, "-d", classes.toString(),
                sources.resolve("Sample.java").toString(), sources.resolve("PipelineSample.java").toString());
        assertEquals(0, javac.exit(), javac.output());
        assertTrue(Files.exists(classes.resolve("dev/weft/samples/PipelineSampleGo.class")),
                "the processor did not generate PipelineSampleGo");

        Result java = run(dir, tool("java"), "-cp", classes + File.pathSeparator + runtime,
                "dev.weft.samples.PipelineSample");
        assertEquals(0, java.exit(), java.output());
        assertEquals("sum of squares 1..10 = 385", java.output().strip());
    }

    private record Result(int exit, String output) {}

    private static String locationOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
