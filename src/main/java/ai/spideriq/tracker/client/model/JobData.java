package ai.spideriq.tracker.client.model;

/** The {@code data} object of a results body, typed by the body's {@code type}. */
public sealed interface JobData permits SpiderSiteData, SpiderMapsData, UnknownJobData {
}
