package dev.weft.processor.common;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Element;

/** {@code @SuppressWarnings("weft:<tag>")} on an element or any element (or tree) around it. */
final class Suppressions {

    private Suppressions() {}

    static boolean isSuppressed(Element element, Diag diag) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
            if (s != null && Arrays.asList(s.value()).contains(diag.suppressionKey())) {
                return true;
            }
        }
        return false;
    }

    /** The same question asked of source trees, for code the element API cannot see (local classes). */
    static boolean isSuppressed(TreePath path, Diag diag) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            ModifiersTree modifiers = modifiersOf(p.getLeaf());
            if (modifiers != null && suppresses(modifiers, diag)) {
                return true;
            }
        }
        return false;
    }

    private static ModifiersTree modifiersOf(Tree tree) {
        if (tree instanceof ClassTree c) return c.getModifiers();
        if (tree instanceof MethodTree m) return m.getModifiers();
        if (tree instanceof VariableTree v) return v.getModifiers();
        return null;
    }

    private static boolean suppresses(ModifiersTree modifiers, Diag diag) {
        for (AnnotationTree a : modifiers.getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (!type.equals("SuppressWarnings") && !type.equals("java.lang.SuppressWarnings")) {
                continue;
            }
            for (ExpressionTree arg : a.getArguments()) {
                ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
                List<? extends ExpressionTree> values =
                        value instanceof NewArrayTree array ? array.getInitializers() : List.of(value);
                for (ExpressionTree v : values) {
                    if (v instanceof LiteralTree lit && diag.suppressionKey().equals(lit.getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
