package dev.weft.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as a standalone SVG: one group per workload, one bar per system, the value
 * written above each bar, and an optional reference mark per group (a dashed line, for figures
 * measured elsewhere). Missing values (NaN) are drawn as "n/a".
 */
final class Chart {
    private static final String[] COLORS = {"#2b6cb0", "#dd8a2e", "#7b5ea7", "#3a9a5b"};
    private static final int BAR = 30;
    private static final int GAP = 36;
    private static final int LEFT = 78;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 300;

    private Chart() {}

    /**
     * @param groups    label per group (workload)
     * @param series    label per bar in a group (system)
     * @param values    values[group][series], NaN when missing
     * @param reference one reference value per group, NaN for none
     */
    static String svg(String title, String unit, List<String> groups, List<String> series,
            double[][] values, double[] reference, String referenceLabel) {
        double max = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (double v : values[g]) {
                max = Double.isNaN(v) ? max : Math.max(max, v);
            }
            max = Double.isNaN(reference[g]) ? max : Math.max(max, reference[g]);
        }
        double top = niceCeiling(max);
        int groupWidth = series.size() * BAR + GAP;
        int width = LEFT + groups.size() * groupWidth + 20;
        int height = TOP + PLOT_HEIGHT + 80;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height, width, height));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(b, LEFT, 22, "start", 15, title);
        legend(b, series, referenceLabel);
        axis(b, top, unit, width);
        for (int g = 0; g < groups.size(); g++) {
            int x0 = LEFT + g * groupWidth + GAP / 2;
            for (int s = 0; s < series.size(); s++) {
                bar(b, x0 + s * BAR, values[g][s], top, COLORS[s % COLORS.length]);
            }
            if (!Double.isNaN(reference[g])) {
                double y = y(reference[g], top);
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                        + " stroke=\"black\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>%n",
                        x0 - 4, y, x0 + series.size() * BAR + 4, y));
            }
            text(b, x0 + series.size() * BAR / 2, TOP + PLOT_HEIGHT + 18, "middle", 11, groups.get(g));
        }
        return b.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder b, List<String> series, String referenceLabel) {
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\""
                    + " fill=\"%s\"/>%n", x, COLORS[s % COLORS.length]));
            text(b, x + 16, 44, "start", 11, series.get(s));
            x += 26 + 7 * series.get(s).length();
        }
        if (referenceLabel != null) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"40\" x2=\"%d\" y2=\"40\" stroke=\"black\""
                    + " stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>%n", x, x + 20));
            text(b, x + 26, 44, "start", 11, referenceLabel);
        }
    }

    private static void axis(StringBuilder b, double top, String unit, int width) {
        for (int t = 0; t <= 5; t++) {
            double v = top * t / 5;
            double y = y(v, top);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                    + " stroke=\"%s\"/>%n", LEFT, y, width - 20, y, t == 0 ? "#444" : "#ddd"));
            text(b, LEFT - 6, (int) y + 4, "end", 10, String.format(Locale.ROOT, "%,.0f", v));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %d)\">%s</text>%n",
                TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2, escape(unit)));
    }

    private static void bar(StringBuilder b, int x, double v, double top, String color) {
        int base = TOP + PLOT_HEIGHT;
        if (Double.isNaN(v)) {
            text(b, x + BAR / 2, base - 4, "middle", 9, "n/a");
            return;
        }
        double y = y(v, top);
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\""
                + " fill=\"%s\"><title>%s</title></rect>%n", x + 2, y, BAR - 4, base - y, color,
                Report.ns(v)));
        int tx = x + BAR / 2 + 4;
        int ty = (int) y - 4;
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\""
                + " transform=\"rotate(-90 %d %d)\">%s</text>%n", tx, ty, tx, ty, Report.ns(v)));
    }

    private static double y(double v, double top) {
        return TOP + PLOT_HEIGHT - v / top * PLOT_HEIGHT;
    }

    /** The smallest 1, 2 or 5 times a power of ten at least {@code 1.25 * max} (room for labels). */
    static double niceCeiling(double max) {
        double want = Math.max(max * 1.25, 1);
        double p = Math.pow(10, Math.floor(Math.log10(want)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= want) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static void text(StringBuilder b, int x, int y, String anchor, int size, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(s)));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
