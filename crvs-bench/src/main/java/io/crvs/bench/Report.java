package io.crvs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints: each figure, the ceiling it is compared with, the ratio and the target. */
final class Report {

    /** One line of the table; empty strings for what does not apply. */
    record Row(String measure, String result, String ceiling, String ratio, String target, String met) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void row(String measure, String result, String ceiling, String ratio, String target, String met) {
        rows.add(new Row(measure, result, ceiling, ratio, target, met));
    }

    void section(String title) {
        rows.add(new Row("**" + title + "**", "", "", "", "", ""));
    }

    void note(String line) {
        notes.add(line);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String ratio(double ours, double ceiling) {
        return ceiling <= 0 || Double.isNaN(ours) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * ours / ceiling);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    /** Markdown: header lines, the table (columns padded for a terminal), notes. */
    String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h).append('\n'));
        out.append('\n');
        String[] titles = {"Measure", "Result", "Ceiling (same run)", "Ratio", "Target", "Met"};
        int[] width = new int[titles.length];
        for (int i = 0; i < titles.length; i++) {
            width[i] = titles[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        line(out, titles, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append('-').append("-".repeat(w)).append("-|");
        }
        out.append(rule).append('\n');
        for (Row r : rows) {
            line(out, cells(r), width);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("* ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.measure(), r.result(), r.ceiling(), r.ratio(), r.target(), r.met()};
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        out.append('\n');
    }
}
