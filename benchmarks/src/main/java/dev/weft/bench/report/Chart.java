package dev.weft.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as a standalone SVG: one group per workload, one bar per system, the value
 * written above each bar, and an optional reference mark per group (a dashed line, for figures
 * measured elsewhere). Missing values (NaN) are drawn as "n/a".
 *
 * <p>The value axis is logarithmic: the workloads span 50 to 20,000 ns per message, and on a log
 * axis the same gap between two bars means the same ratio in every group.
 */
final class Chart {
    private static final String[] COLORS = {"#2b6cb0", "#dd8a2e", "#7b5ea7", "#3a9a5b"};
    private static final int BAR = 30;
    private static final int GAP = 36;
    private static final int LEFT = 78;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 300;
    private static final int BASE = TOP + PLOT_HEIGHT;

    private Chart() {}

    /**
     * @param groups    label per group (workload)
     * @param series    label per bar in a group (system)
     * @param values    values[group][series], NaN when missing
     * @param reference one reference value per group, NaN for none
     */
    static String svg(String title, String unit, List<String> groups, List<String> series,
            double[][] values, double[] reference, String referenceLabel) {
        Scale scale = Scale.of(values, reference);
        int groupWidth = series.size() * BAR + GAP;
        int width = LEFT + groups.size() * groupWidth + 20;
        int height = BASE + 80;
        StringBuilder b = new StringBuilder();
        b.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height, width, height));
        b.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(b, LEFT, 22, "start", 15, title);
        legend(b, series, referenceLabel);
        axis(b, scale, unit, width);
        for (int g = 0; g < groups.size(); g++) {
            int x0 = LEFT + g * groupWidth + GAP / 2;
            for (int s = 0; s < series.size(); s++) {
                bar(b, x0 + s * BAR, values[g][s], scale, COLORS[s % COLORS.length]);
            }
            if (!Double.isNaN(reference[g])) {
                dashed(b, x0 - 4, x0 + series.size() * BAR + 4, scale.y(reference[g]));
            }
            text(b, x0 + series.size() * BAR / 2, BASE + 18, "middle", 11, groups.get(g));
        }
        return b.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder b, List<String> series, String referenceLabel) {
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            b.append(fmt("<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, COLORS[s % COLORS.length]));
            text(b, x + 16, 44, "start", 11, series.get(s));
            x += 26 + 7 * series.get(s).length();
        }
        if (referenceLabel != null) {
            dashed(b, x, x + 20, 40);
            text(b, x + 26, 44, "start", 11, referenceLabel);
        }
    }

    private static void axis(StringBuilder b, Scale scale, String unit, int width) {
        for (double decade = scale.low; decade <= scale.high; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double v = decade * m;
                if (v > scale.high) {
                    break;
                }
                double y = scale.y(v);
                String color = v == scale.low ? "#444" : m == 1 ? "#bbb" : "#eee";
                b.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                        LEFT, y, width - 20, y, color));
                text(b, LEFT - 6, (int) y + 4, "end", 10, fmt("%,.0f", v));
            }
        }
        int mid = TOP + PLOT_HEIGHT / 2;
        b.append(fmt("<text x=\"16\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %d)\">%s</text>%n",
                mid, mid, escape(unit + " (log scale)")));
    }

    private static void bar(StringBuilder b, int x, double v, Scale scale, String color) {
        if (Double.isNaN(v)) {
            text(b, x + BAR / 2, BASE - 4, "middle", 9, "n/a");
            return;
        }
        double y = scale.y(v);
        b.append(fmt("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s</title></rect>%n", x + 2, y, BAR - 4, BASE - y, color, Report.ns(v)));
        int tx = x + BAR / 2 + 4;
        int ty = (int) y - 4;
        b.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"10\" transform=\"rotate(-90 %d %d)\">"
                + "%s</text>%n", tx, ty, tx, ty, Report.ns(v)));
    }

    private static void dashed(StringBuilder b, int x1, int x2, double y) {
        b.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>%n", x1, y, x2, y));
    }

    /**
     * The log axis: from the power of ten at or below the smallest value to a top that leaves
     * the largest bar 80% of the plot's height, so its label fits above it.
     */
    record Scale(double low, double high) {
        static Scale of(double[][] values, double[] reference) {
            double min = Double.MAX_VALUE;
            double max = 1;
            for (int g = 0; g < values.length; g++) {
                for (double v : values[g]) {
                    min = v > 0 && v < min ? v : min;
                    max = v > max ? v : max;
                }
                min = reference[g] > 0 && reference[g] < min ? reference[g] : min;
                max = reference[g] > max ? reference[g] : max;
            }
            double low = Math.pow(10, Math.floor(Math.log10(Math.min(min, max))));
            double decades = Math.max((Math.log10(max) - Math.log10(low)) / 0.8, 1);
            return new Scale(low, low * Math.pow(10, decades));
        }

        double y(double v) {
            double f = (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
            return BASE - f * PLOT_HEIGHT;
        }
    }

    private static void text(StringBuilder b, int x, int y, String anchor, int size, String s) {
        b.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(s)));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
