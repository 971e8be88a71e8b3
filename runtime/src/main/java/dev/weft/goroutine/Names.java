package dev.weft.goroutine;

/**
 * Default goroutine names, from the class of the task: its simple binary name, or for a lambda
 * the class that declares it ({@code OrderService$$Lambda/0x..} gives {@code OrderService}).
 * Computed once per class: spawning must stay cheap.
 */
final class Names {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return derive(type.getName());
        }
    };

    private Names() {}

    static String of(Object task) {
        return NAMES.get(task.getClass());
    }

    static String derive(String className) {
        String n = className;
        int lambda = n.indexOf("$$Lambda");
        if (lambda >= 0) {
            n = n.substring(0, lambda);
        }
        n = n.substring(n.lastIndexOf('.') + 1);
        return n.isEmpty() ? "goroutine" : n;
    }
}
