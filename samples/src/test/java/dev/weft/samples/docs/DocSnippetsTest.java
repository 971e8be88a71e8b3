package dev.weft.samples.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet in README.md and docs/*.md must stand, line for line (indentation aside),
 * in a source file that the build compiles: samples, or tests of the processor and test kit. So a snippet that stops compiling
 * fails the build, and a snippet edited in the docs alone fails this test.
 *
 * <p>A block fenced with {@code ```java} is checked; one fenced with {@code ```java no-check} is
 * prose-like pseudo-code and is not. Generated code shown in the docs is checked against the
 * generated sources of the samples build.
 */
class DocSnippetsTest {
    private static final Path ROOT = findRoot();
    private static final Pattern BLOCK = Pattern.compile("```java\\s*\\n(.*?)```", Pattern.DOTALL);

    static Stream<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyJavaSnippetIsCompiledSource(Path doc) throws IOException {
        String corpus = normalizedSources();
        Matcher m = BLOCK.matcher(Files.readString(doc));
        while (m.find()) {
            String snippet = normalize(m.group(1));
            assertFalse(snippet.isEmpty(), doc + ": empty java block");
            assertTrue(corpus.contains(snippet), () -> doc.getFileName()
                    + ": this java snippet is not in any compiled source file; keep it in a sample"
                    + " or test and copy it from there:\n" + m.group(1));
        }
    }

    private static String cached;

    private static synchronized String normalizedSources() {
        if (cached == null) {
            List<Path> roots = List.of(ROOT.resolve("samples/src"), ROOT.resolve("samples/target/generated-sources"),
                    ROOT.resolve("samples/target/generated-test-sources"), ROOT.resolve("processor/src/test"), ROOT.resolve("test-kit/src/test"));
            StringBuilder all = new StringBuilder();
            for (Path r : roots) {
                if (!Files.isDirectory(r)) {
                    continue;
                }
                try (Stream<Path> s = Files.walk(r)) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                        all.append(normalize(Files.readString(p))).append('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            cached = all.toString();
        }
        return cached;
    }

    /** Trims each line and drops blank lines, so indentation and spacing do not matter. */
    static String normalize(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (README.md) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
