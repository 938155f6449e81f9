package ai.spideriq.tracker.local;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.spideriq.tracker.TrackerConfig;
import ai.spideriq.tracker.simulator.JobSpec;
import ai.spideriq.tracker.simulator.SimulatedJob;
import ai.spideriq.tracker.simulator.SimulatedJobType;
import ai.spideriq.tracker.simulator.SimulatorConfig;
import ai.spideriq.tracker.simulator.SpiderIqSimulator;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;

/**
 * In dev mode, stands in for the teams that submit jobs: at a steady rate it creates a job of either type in the
 * simulator (durations and outcome mix drawn as the simulator is configured) and publishes it to the input topic,
 * as the documented JSON object keyed by its ID, with a W3C {@code traceparent} that its outcome carries on.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DemoFeeder {

    private static final Logger LOG = Logger.getLogger(DemoFeeder.class);
    private static final long FIRST_JOB_DELAY_MS = 1000;

    private final SplittableRandom random = new SplittableRandom();
    private final HexFormat hex = HexFormat.of();

    @Inject
    @Channel("demo-submissions")
    MutinyEmitter<String> submissions;

    @Inject
    SpiderIqSimulator simulator;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    private long timerId = -1;

    void start(@Observes StartupEvent event, LocalRunConfig local, SimulatorConfig simulatorConfig,
            TrackerConfig tracker, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        LocalRunConfig.Demo demo = local.demo();
        DemoFeedDecision decision = DemoFeedDecision.decide(demo.enabled(), simulatorConfig.enabled(),
                tracker.api().baseUrl(), httpPort);
        if (!decision.feed()) {
            LOG.infof("Demo feeder off: %s", decision.why());
            return;
        }
        if (demo.jobsPerMinute() < 1) {
            throw new IllegalArgumentException("spideriq.local.demo.jobs-per-minute must be at least 1, was "
                    + demo.jobsPerMinute());
        }
        long intervalMs = 60_000L / demo.jobsPerMinute();
        timerId = vertx.setPeriodic(FIRST_JOB_DELAY_MS, intervalMs, ignored -> submitOne(demo.spiderMapsShare()));
        LOG.infof("Demo feeder on (%s): %d job(s)/min to '%s', %.0f%% spiderMaps", decision.why(),
                demo.jobsPerMinute(), tracker.topics().submitted(), demo.spiderMapsShare() * 100);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void submitOne(double spiderMapsShare) {
        SimulatedJobType type = random.nextDouble() < spiderMapsShare
                ? SimulatedJobType.SPIDER_MAPS
                : SimulatedJobType.SPIDER_SITE;
        SimulatedJob job = simulator.create(JobSpec.of(type));
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparent().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(body(job)).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(job.jobId()).withHeaders(headers).build());
        submissions.sendMessage(message).subscribe().with(
                ignored -> LOG.debugf("Demo job %s (%s) submitted", job.jobId(), type.wireName()),
                failure -> LOG.warnf("Demo job %s could not be submitted: %s", job.jobId(), failure.getMessage()));
    }

    private String body(SimulatedJob job) {
        try {
            return mapper.writeValueAsString(Map.of("job_id", job.jobId(), "type", job.type().wireName()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of two strings is always JSON", e);
        }
    }

    /** A new trace per job: version 00, 16-byte trace ID, 8-byte parent ID, sampled. */
    private String traceparent() {
        byte[] traceId = new byte[16];
        byte[] parentId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(parentId);
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(parentId) + "-01";
    }
}
