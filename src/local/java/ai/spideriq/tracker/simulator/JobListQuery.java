package ai.spideriq.tracker.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validated query of {@code GET /api/v1/jobs/list}, as the docs define it: 1-based {@code page} (default 1),
 * {@code page_size} 1..100 (default 50), optional {@code status_filter} and {@code type_filter} (empty means none,
 * as in the docs' own example URL), {@code sort_by} {@code created_at} (default), {@code updated_at} or
 * {@code status}, {@code sort_order} {@code asc} or {@code desc} (default).
 *
 * @param page the page, from 1
 * @param pageSize jobs per page, 1..100
 * @param status only jobs in this state at the listing's time, if present
 * @param type only jobs of this type, if present
 * @param sortBy the sort key
 * @param descending whether the order is descending
 */
record JobListQuery(int page, int pageSize, Optional<JobState> status, Optional<SimulatedJobType> type, SortKey sortBy,
        boolean descending) {

    static final int MAX_PAGE_SIZE = 100;

    /** What the list sorts by; ties always fall back to the job id so paging is stable. */
    enum SortKey {
        CREATED_AT,
        UPDATED_AT,
        STATUS;

        /** The order of this key at {@code now}; {@code status} sorts by the wire name, as a text column would. */
        Comparator<SimulatedJob> comparator(Instant now) {
            return switch (this) {
                case CREATED_AT -> Comparator.comparing(SimulatedJob::createdAt);
                case UPDATED_AT -> Comparator.comparing(job -> job.updatedAt(now));
                case STATUS -> Comparator.comparing(job -> job.stateAt(now).wireName());
            };
        }
    }

    /** A query parameter the API refuses, answered 422 as FastAPI does. */
    static final class InvalidParameter extends RuntimeException {
        final String parameter;

        InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    /** Parses the query parameters (first value of each); throws {@link InvalidParameter} on a refused one. */
    static JobListQuery parse(Map<String, String> query) {
        int page = integer(query, "page", 1);
        if (page < 1) {
            throw new InvalidParameter("page", "ensure this value is greater than or equal to 1");
        }
        int pageSize = integer(query, "page_size", 50);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidParameter("page_size", pageSize < 1 ? "ensure this value is greater than or equal to 1"
                    : "ensure this value is less than or equal to " + MAX_PAGE_SIZE);
        }
        Optional<JobState> status = value(query, "status_filter").map(JobListQuery::state);
        Optional<SimulatedJobType> type = value(query, "type_filter").map(JobListQuery::type);
        SortKey sortBy = value(query, "sort_by").map(JobListQuery::sortKey).orElse(SortKey.CREATED_AT);
        String order = value(query, "sort_order").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidParameter("sort_order", "value is not a valid enumeration member; permitted: 'asc', 'desc'");
        }
        return new JobListQuery(page, pageSize, status, type, sortBy, order.equals("desc"));
    }

    private static int integer(Map<String, String> query, String name, int fallback) {
        Optional<String> text = value(query, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "value is not a valid integer");
        }
    }

    private static Optional<String> value(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(text -> !text.isEmpty());
    }

    private static JobState state(String name) {
        for (JobState state : JobState.values()) {
            if (state.wireName().equals(name)) {
                return state;
            }
        }
        throw new InvalidParameter("status_filter", "value is not a valid enumeration member; permitted: "
                + "'queued', 'processing', 'completed', 'failed', 'cancelled'");
    }

    private static SimulatedJobType type(String name) {
        for (SimulatedJobType type : SimulatedJobType.values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new InvalidParameter("type_filter", "value is not a valid enumeration member; permitted: "
                + "'spiderSite', 'spiderMaps'");
    }

    private static SortKey sortKey(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "created_at" -> SortKey.CREATED_AT;
            case "updated_at" -> SortKey.UPDATED_AT;
            case "status" -> SortKey.STATUS;
            default -> throw new InvalidParameter("sort_by", "value is not a valid enumeration member; permitted: "
                    + "'created_at', 'updated_at', 'status'");
        };
    }
}
