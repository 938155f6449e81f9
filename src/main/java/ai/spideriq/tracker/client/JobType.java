package ai.spideriq.tracker.client;

import java.util.Optional;

/** SpiderIQ job type, as the {@code type} field of a results body carries it. */
public enum JobType {
    SPIDER_SITE("spiderSite"),
    SPIDER_MAPS("spiderMaps");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API uses: {@code spiderSite}, {@code spiderMaps}. */
    public String wireName() {
        return wireName;
    }

    /** Looks a wire name up; empty for null or any type this tracker does not know. */
    public static Optional<JobType> fromWire(String wire) {
        for (JobType type : values()) {
            if (type.wireName.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
