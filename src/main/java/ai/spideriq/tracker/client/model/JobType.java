package ai.spideriq.tracker.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/** SpiderIQ job type, as carried in the {@code type} field. */
public enum JobType {
    SPIDER_SITE("spiderSite", SpiderSiteData.class),
    SPIDER_MAPS("spiderMaps", SpiderMapsData.class);

    private final String wireName;
    private final Class<? extends JobData> dataType;

    JobType(String wireName, Class<? extends JobData> dataType) {
        this.wireName = wireName;
        this.dataType = dataType;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The record the {@code data} of a job of this type is read into. */
    public Class<? extends JobData> dataType() {
        return dataType;
    }

    /** Looks a wire value up; empty for null or any type this client does not know. */
    public static Optional<JobType> fromWire(String wire) {
        for (JobType type : values()) {
            if (type.wireName.equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    // Unknown types become null instead of failing the whole payload.
    @JsonCreator
    static JobType fromJson(String wire) {
        return fromWire(wire).orElse(null);
    }
}
