package dev.weft.processor.common;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds annotations on methods of local and anonymous classes (enum constant bodies included).
 * javac never shows those to a processor (they are not members of anything), so the only way to
 * tell the user their annotation does nothing is to read the source trees. Matching is by name,
 * as the trees are not attributed yet: {@code @Go} counts when the file imports it (singly or on
 * demand) or lives in its package; {@code @dev.weft.annotation.Go} always counts.
 */
public final class LocalClassScanner {

    private LocalClassScanner() {}

    /**
     * Paths to every {@code annotation} found on a method of a local or anonymous class in the
     * compilation units of {@code roots}; empty where the tree API is unavailable.
     */
    public static List<TreePath> annotatedLocalMethods(Trees trees, Set<? extends Element> roots, String annotation) {
        return scan(trees, roots, annotation, null);
    }

    /**
     * Paths to every {@code annotation} found on a parameter of a method of a local or anonymous
     * class, except on methods that also carry {@code unlessOnMethod} (reported for that one).
     */
    public static List<TreePath> annotatedLocalParameters(Trees trees, Set<? extends Element> roots,
            String annotation, String unlessOnMethod) {
        return scan(trees, roots, annotation, unlessOnMethod);
    }

    /** Methods when {@code unlessOnMethod} is null, else parameters. */
    private static List<TreePath> scan(Trees trees, Set<? extends Element> roots, String annotation,
            String unlessOnMethod) {
        List<TreePath> found = new ArrayList<>();
        if (trees == null) {
            return found;
        }
        Set<CompilationUnitTree> units = new LinkedHashSet<>();
        for (Element root : roots) {
            TreePath path = root instanceof TypeElement ? trees.getPath(root) : null;
            if (path != null) {
                units.add(path.getCompilationUnit());
            }
        }
        for (CompilationUnitTree unit : units) {
            new Scanner(annotation, unlessOnMethod, found).scan(unit, null);
        }
        return found;
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final String annotation;
        /** Null: find annotated methods; else find annotated parameters of methods without this. */
        private final String unlessOnMethod;
        private final List<TreePath> found;
        private boolean simpleNameVisible;
        private boolean insideLocal;

        Scanner(String annotation, String unlessOnMethod, List<TreePath> found) {
            this.annotation = annotation;
            this.unlessOnMethod = unlessOnMethod;
            this.found = found;
        }

        @Override
        public Void visitCompilationUnit(CompilationUnitTree unit, Void unused) {
            String pkg = annotation.substring(0, annotation.lastIndexOf('.'));
            simpleNameVisible = unit.getPackageName() != null && unit.getPackageName().toString().equals(pkg);
            for (ImportTree i : unit.getImports()) {
                String imported = i.getQualifiedIdentifier().toString();
                if (!i.isStatic() && (imported.equals(annotation) || imported.equals(pkg + ".*"))) {
                    simpleNameVisible = true;
                }
            }
            return super.visitCompilationUnit(unit, unused);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            Tree.Kind parent = getCurrentPath().getParentPath().getLeaf().getKind();
            boolean member = parent == Tree.Kind.COMPILATION_UNIT || isClassKind(parent);
            boolean outer = insideLocal;
            insideLocal = outer || !member;
            try {
                return super.visitClass(tree, unused);
            } finally {
                insideLocal = outer;
            }
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            if (insideLocal && unlessOnMethod == null) {
                for (AnnotationTree a : tree.getModifiers().getAnnotations()) {
                    if (names(a, annotation)) {
                        found.add(new TreePath(new TreePath(getCurrentPath(), tree.getModifiers()), a));
                    }
                }
            } else if (insideLocal && tree.getModifiers().getAnnotations().stream()
                    .noneMatch(a -> names(a, unlessOnMethod))) {
                for (VariableTree p : tree.getParameters()) {
                    TreePath param = new TreePath(getCurrentPath(), p);
                    for (AnnotationTree a : p.getModifiers().getAnnotations()) {
                        if (names(a, annotation)) {
                            found.add(new TreePath(new TreePath(param, p.getModifiers()), a));
                        }
                    }
                }
            }
            return super.visitMethod(tree, unused);
        }

        /** Whether {@code a} names {@code qualified}, an annotation of the scanned package. */
        private boolean names(AnnotationTree a, String qualified) {
            String type = a.getAnnotationType().toString();
            return type.equals(qualified) || (simpleNameVisible && type.equals(simpleName(qualified)));
        }

        private static boolean isClassKind(Tree.Kind kind) {
            return kind == Tree.Kind.CLASS || kind == Tree.Kind.INTERFACE || kind == Tree.Kind.ENUM
                    || kind == Tree.Kind.RECORD || kind == Tree.Kind.ANNOTATION_TYPE;
        }
    }
}
