package dev.weft.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A markdown table: a header, one alignment per column ('l' or 'r'), rows of cells. */
final class Table {
    private final List<String> header;
    private final String align;
    private final List<List<String>> rows = new ArrayList<>();

    /** {@code align} has one letter per header cell: 'l' left, 'r' right (numbers). */
    Table(String align, String... header) {
        if (align.length() != header.length) {
            throw new IllegalArgumentException("one alignment per column: " + align + " for "
                    + header.length + " columns");
        }
        this.header = List.of(header);
        this.align = align;
    }

    Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of "
                    + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    Table row(List<String> cells) {
        return row(cells.toArray(String[]::new));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder b) {
        line(b, header);
        b.append('|');
        for (char a : align.toCharArray()) {
            b.append(a == 'r' ? "---:|" : "---|");
        }
        b.append('\n');
        rows.forEach(r -> line(b, r));
        b.append('\n');
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
