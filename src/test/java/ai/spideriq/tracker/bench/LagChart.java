package ai.spideriq.tracker.bench;

import java.util.List;
import java.util.Locale;

/**
 * p95 detection lag against arrival rate, one polyline per strategy, as a hand-written SVG: linear rate axis, log
 * lag axis (1 s to 10,000 s) and a dashed line at the 10 s bar.
 */
final class LagChart {

    private static final String[] COLOURS = { "#d62728", "#1f77b4", "#2ca02c", "#9467bd" };
    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MAX_RATE = 100;
    private static final double MIN_LAG = 1;
    private static final double MAX_LAG = 10_000;

    private LagChart() {
    }

    static String svg(List<StrategyResults> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(LEFT, 22, "p95 detection lag vs arrival rate (reference mix, virtual clock)", "start", 14));
        for (double rate = 0; rate <= MAX_RATE; rate += 10) {
            s.append(line(x(rate), TOP, x(rate), HEIGHT - BOTTOM, "#eee", ""));
            s.append(text(x(rate), HEIGHT - BOTTOM + 16, Workload.rate(rate), "middle", 12));
        }
        for (double lag = MIN_LAG; lag <= MAX_LAG; lag *= 10) {
            s.append(line(LEFT, y(lag), WIDTH - RIGHT, y(lag), "#eee", ""));
            s.append(text(LEFT - 6, y(lag) + 4, Workload.rate(lag) + " s", "end", 12));
        }
        s.append(line(LEFT, y(RunResult.SUSTAINABLE_P95_SECONDS), WIDTH - RIGHT, y(RunResult.SUSTAINABLE_P95_SECONDS),
                "#888", " stroke-dasharray=\"6 4\""));
        s.append(text(WIDTH - RIGHT - 4, y(RunResult.SUSTAINABLE_P95_SECONDS) - 4, "10 s bar", "end", 11));
        s.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333", ""));
        s.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333", ""));
        s.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 18, "arrival rate (jobs/min)", "middle", 12));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 "
                + "%.1f)\">p95 lag (s, log scale)</text>%n", (TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0));
        for (int i = 0; i < results.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (RunResult run : results.get(i).sweep()) {
                double px = x(run.workload().jobsPerMinute());
                double py = y(run.lag().p95());
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py,
                        colour));
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", colour, points.toString().trim()));
            int ly = TOP + 10 + 20 * i;
            s.append(line(WIDTH - RIGHT + 16, ly, WIDTH - RIGHT + 40, ly, colour, " stroke-width=\"2\""));
            s.append(text(WIDTH - RIGHT + 46, ly + 4, results.get(i).strategy().label(), "start", 12));
        }
        return s.append("</svg>\n").toString();
    }

    private static double x(double rate) {
        return LEFT + (WIDTH - LEFT - RIGHT) * rate / MAX_RATE;
    }

    private static double y(double lagSeconds) {
        double clamped = Double.isNaN(lagSeconds) ? MAX_LAG : Math.max(MIN_LAG, Math.min(MAX_LAG, lagSeconds));
        double fraction = Math.log10(clamped / MIN_LAG) / Math.log10(MAX_LAG / MIN_LAG);
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * fraction;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, extra);
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, content);
    }
}
