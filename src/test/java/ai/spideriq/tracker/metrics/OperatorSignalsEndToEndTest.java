package ai.spideriq.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatedOutcome;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import ai.spideriq.tracker.testing.KafkaBrokerResource;
import ai.spideriq.tracker.testing.Metrics;
import ai.spideriq.tracker.testing.SimulatorJobs;
import ai.spideriq.tracker.testing.Submitter;
import ai.spideriq.tracker.testing.TopicRecorder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the on-call operator sees on /q/metrics before and after work: every family documented, helped, present. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OperatorSignalsEndToEndTest {

    /** A row of the metrics table in docs/operations.md: the family, then its Prometheus type (first word). */
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `(spideriq_[a-z0-9_]+)` \\| ([a-z]+)", Pattern.MULTILINE);

    @Inject
    SpiderIqSimulator simulator;

    @Test
    void everyDocumentedFamilyIsExportedWithHelpAndCountersStartAtZero() throws Exception {
        String scrape = Metrics.scrape();
        Map<String, String> documented = new TreeMap<>();
        Matcher row = DOC_ROW.matcher(Files.readString(Path.of("docs", "operations.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        // Each row names a family the scrape has (histograms by their base name), of the type the scrape declares
        // (counters are declared without their _total), and each family has a row.
        documented.forEach((name, type) -> {
            assertThat(scrape).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[_{ ]");
            assertThat(scrape).as(name + " is a " + type).containsPattern(
                    "(?m)^# TYPE " + Pattern.quote(name.replaceFirst("_total$", "")) + "(_total)? " + type + "$");
        });
        for (String name : TrackerMetrics.PROMETHEUS_NAMES) {
            assertThat(scrape).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            assertThat(documented.keySet()).as(name + " in docs/operations.md").anyMatch(name::startsWith);
        }
        Matcher help = Pattern.compile("^# HELP (spideriq_[a-z0-9_]+) ?(.*)$", Pattern.MULTILINE).matcher(scrape);
        while (help.find()) {
            assertThat(help.group(2)).as("HELP of " + help.group(1)).isNotBlank();
        }
        // Pre-created: zeros, not gaps, before the first event of their kind.
        assertThat(scrape).contains("spideriq_outcomes_total{outcome=\"tracking_deadline_exceeded\",type=\"spiderMaps\"")
                .contains("spideriq_intake_dead_lettered_total{reason=\"key_mismatch\"")
                .contains("spideriq_kafka_write_failures_total{reason=\"authorization\",topic=\"in-flight\"")
                .contains("spideriq_jobs_oldest_age_seconds{phase=\"publishing\"")
                .contains("spideriq_build_info{java_version=");
    }

    @Test
    void theTypeTheApiReportsReachesTheMetricTheHeaderAndTheOutcome() {
        String[] completedMaps = { "outcome=\"completed\"", "type=\"spiderMaps\"" };
        double before = Metrics.sum("spideriq_outcomes_total", completedMaps);
        // Ended before its first poll, submitted as a bare ID: only the final answer says its type.
        String jobId = SimulatorJobs.create(simulator, SimulatedJobType.SPIDER_MAPS, SimulatedOutcome.COMPLETED, Duration.ZERO);
        Submitter.submit(null, jobId);

        TopicRecorder.Seen seen = TopicRecorder.get().awaitFirst(jobId, Duration.ofSeconds(30));
        assertThat(seen.json().get("type").asText()).isEqualTo("spiderMaps");
        assertThat(seen.headers()).containsEntry("spideriq-job-type", "spiderMaps");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.sum("spideriq_outcomes_total", completedMaps) >= before + 1);
        assertThat(Metrics.scrape()).containsPattern("(?m)^spideriq_api_remaining_requests [0-9]");
    }
}
