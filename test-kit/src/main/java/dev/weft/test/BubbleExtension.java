package dev.weft.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The JUnit 5 extension behind {@link WeftTest}: each test method's invocation runs in a bubble. */
public final class BubbleExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        inBubble(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        inBubble(invocation, context);
    }

    private static void inBubble(Invocation<Void> invocation, ExtensionContext context)
            throws Throwable {
        String name = "test " + context.getRequiredTestMethod().getName();
        Bubble.execute(name, invocation::proceed, filters(context));
    }

    private static List<LeakFilter> filters(ExtensionContext context) {
        List<LeakFilter> out = new ArrayList<>();
        for (AnnotatedElement e : GoroutineLeakCheck.elements(context)) {
            Optional<WeftTest> t = AnnotationSupport.findAnnotation(e, WeftTest.class);
            if (t.isPresent()) {
                GoroutineLeakCheck.add(out, t.get().ignoreNames(), t.get().ignoreStartSites());
                return out;
            }
        }
        return out;
    }
}
