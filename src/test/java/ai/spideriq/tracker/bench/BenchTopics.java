package ai.spideriq.tracker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A set of topics of its own for one packaged-service run, so runs on the shared broker never read each other's
 * submissions. The broker creates no topic by itself; the service creates its in-flight topic.
 */
record BenchTopics(String prefix) {

    static final int SUBMITTED_PARTITIONS = 3;

    String submitted() {
        return prefix + ".submitted";
    }

    List<String> outcomes() {
        return List.of(prefix + ".completed", prefix + ".failed", prefix + ".cancelled");
    }

    void create(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            topics.add(new NewTopic(submitted(), SUBMITTED_PARTITIONS, (short) 1));
            topics.add(new NewTopic(prefix + ".dlq", 1, (short) 1));
            outcomes().forEach(topic -> topics.add(new NewTopic(topic, 1, (short) 1)));
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the benchmark topics " + prefix + ".*", e);
        }
    }

    /** The service's topic settings, as environment variables. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPIDERIQ_TOPICS_SUBMITTED", submitted());
        env.put("SPIDERIQ_TOPICS_DEAD_LETTER", prefix + ".dlq");
        env.put("SPIDERIQ_TOPICS_COMPLETED", outcomes().get(0));
        env.put("SPIDERIQ_TOPICS_FAILED", outcomes().get(1));
        env.put("SPIDERIQ_TOPICS_CANCELLED", outcomes().get(2));
        env.put("SPIDERIQ_TOPICS_IN_FLIGHT", prefix + ".in-flight");
        env.put("SPIDERIQ_TOPICS_HINTS", prefix + ".hints");
        env.put("SPIDERIQ_KAFKA_CONSUMER_GROUP", prefix);
        return env;
    }
}
