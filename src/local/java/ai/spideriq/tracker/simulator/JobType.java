package ai.spideriq.tracker.simulator;

import java.util.Arrays;
import java.util.List;

/** The two SpiderIQ job types, with the example payloads a completed job of each type can answer with. */
public enum JobType {
    SPIDER_SITE("spiderSite", "spider-site-main-", 3,
            List.of("site-minimal", "site-with-ai", "site-full-champ"), List.of("site-newer-variant")),
    SPIDER_MAPS("spiderMaps", "spider-maps-main-", 2,
            List.of("maps"), List.of("maps-newer-variant"));

    private final String wireName;
    private final String workerPrefix;
    private final int workerCount;
    private final List<String> docsVariants;
    private final List<String> newerVariants;

    JobType(String wireName, String workerPrefix, int workerCount, List<String> docsVariants, List<String> newerVariants) {
        this.wireName = wireName;
        this.workerPrefix = workerPrefix;
        this.workerCount = workerCount;
        this.docsVariants = docsVariants;
        this.newerVariants = newerVariants;
    }

    /** The name the API uses ({@code spiderSite}, {@code spiderMaps}). */
    public String wireName() {
        return wireName;
    }

    /** Prefix of this type's worker ids, e.g. {@code spider-site-main-}. */
    String workerPrefix() {
        return workerPrefix;
    }

    /** How many simulated workers serve this type. */
    int workerCount() {
        return workerCount;
    }

    /** The docs' (v2.7.1) example payloads a drawn job picks from. */
    public List<String> docsVariants() {
        return docsVariants;
    }

    /** Whether {@code variant} names an example payload of this type. */
    public boolean supportsVariant(String variant) {
        return docsVariants.contains(variant) || newerVariants.contains(variant);
    }

    /** Parses the wire name (case-insensitive); also accepts the enum constant name. */
    public static JobType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown job type: " + name));
    }
}
