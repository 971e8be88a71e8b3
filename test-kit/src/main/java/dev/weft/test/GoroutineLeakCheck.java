package dev.weft.test;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CheckLeaks}: usable directly with
 * {@code @ExtendWith(GoroutineLeakCheck.class)}, which checks with no ignore filters.
 */
public final class GoroutineLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(GoroutineLeakCheck.class);

    /** What beforeEach leaves for afterEach. */
    private record Before(LeakFilter current) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        // So a report says where each leak was started and where its channel was made.
        SiteRecording.acquire();
        context.getStore(NS).put(Before.class, new Before(Leaks.ignoreCurrent()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Before before = context.getStore(NS).remove(Before.class, Before.class);
        if (before == null) {
            return; // beforeEach did not run
        }
        try {
            List<LeakFilter> filters = new ArrayList<>(filters(context));
            filters.add(before.current());
            Leaks.verifyNone(filters.toArray(LeakFilter[]::new));
        } finally {
            SiteRecording.release();
        }
    }

    /** The ignore filters of the nearest {@link CheckLeaks}. */
    static List<LeakFilter> filters(ExtensionContext context) {
        List<LeakFilter> out = new ArrayList<>();
        for (AnnotatedElement e : elements(context)) {
            Optional<CheckLeaks> leaks = AnnotationSupport.findAnnotation(e, CheckLeaks.class);
            if (leaks.isPresent()) {
                add(out, leaks.get().ignoreNames(), leaks.get().ignoreStartSites());
                return out;
            }
        }
        return out;
    }

    static void add(List<LeakFilter> out, String[] names, String[] sites) {
        for (String n : names) {
            out.add(LeakFilter.named(n));
        }
        for (String s : sites) {
            out.add(LeakFilter.startedAt(s));
        }
    }

    /** The test method, then its class and the classes enclosing it. */
    static List<AnnotatedElement> elements(ExtensionContext context) {
        List<AnnotatedElement> out = new ArrayList<>();
        context.getTestMethod().ifPresent(out::add);
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            out.add(c);
        }
        return out;
    }
}
