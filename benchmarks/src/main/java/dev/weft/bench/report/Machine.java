package dev.weft.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the report says about the machine; Linux's /proc where it has it, blanks elsewhere. */
final class Machine {
    private Machine() {}

    /** ", CPU model" or "" when unknown. */
    static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return " (" + line.substring(line.indexOf(':') + 1).trim() + ")";
            }
        }
        return "";
    }

    /** Total memory, e.g. "23.4 GiB memory", or "memory unknown". */
    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB memory", kib / 1024.0 / 1024.0);
            }
        }
        return "memory unknown";
    }

    /** The 1, 5 and 15 minute load averages, or "unknown". */
    static String load() {
        List<String> l = lines("/proc/loadavg");
        if (l.isEmpty()) {
            return "unknown";
        }
        String[] f = l.get(0).split(" ");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
