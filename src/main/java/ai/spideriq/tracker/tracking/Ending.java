package ai.spideriq.tracker.tracking;

import ai.spideriq.tracker.client.JobResults;

/** Why tracking of a job ended. */
public sealed interface Ending {

    /** The metric label: {@code completed}, {@code cancelled}, or the failure reason. */
    String outcome();

    /** SpiderIQ reported the job completed, failed or cancelled. */
    record Reported(JobResults results) implements Ending {
        @Override
        public String outcome() {
            return switch (results.status()) {
                case COMPLETED -> "completed";
                case CANCELLED -> "cancelled";
                default -> "job_failed";
            };
        }
    }

    /** SpiderIQ still did not know the job after the grace period. */
    record NotFound() implements Ending {
        @Override
        public String outcome() {
            return "job_not_found";
        }
    }

    /** The job did not end within the tracking deadline. */
    record DeadlineExceeded() implements Ending {
        @Override
        public String outcome() {
            return "tracking_deadline_exceeded";
        }
    }
}
