package ai.spideriq.tracker.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's /q/metrics in the Prometheus text format, read as an operator's dashboard would. */
public final class Metrics {

    private Metrics() {
    }

    /** The scrape of the application under test. */
    public static String scrape() {
        return given().header("Accept", "text/plain; version=0.0.4").get("/q/metrics").asString();
    }

    /**
     * The sum of the samples of the application under test named {@code name} whose labels include each of
     * {@code labels} (as written, e.g. {@code reason="silent"}); 0 when there is none.
     */
    public static double sum(String name, String... labels) {
        return sumIn(scrape(), name, labels);
    }

    /** As {@link #sum(String, String...)}, in a scrape already read (of any service). */
    public static double sumIn(String scrape, String name, String... labels) {
        return samples(scrape, name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The values of the samples {@link #sum(String, String...)} adds up. */
    public static List<Double> samples(String scrape, String name, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(scrape);
        List<Double> values = new ArrayList<>();
        while (sample.find()) {
            String all = "," + (sample.group(1) == null ? "" : sample.group(1)) + ",";
            boolean matches = true;
            for (String label : labels) {
                matches &= all.contains("," + label + ",");
            }
            if (matches) {
                values.add(Double.parseDouble(sample.group(2).replace("Inf", "Infinity")));
            }
        }
        return values;
    }
}
