package ai.spideriq.tracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.spideriq.tracker.testing.FakeClock;

class RejectionLogTest {

    private final FakeClock clock = new FakeClock();
    private final List<String> lines = new ArrayList<>();
    private final RejectionLog log = new RejectionLog(clock, 3, Duration.ofSeconds(60), lines::add);

    @Test
    void aFloodOfBadRecordsCostsTheFirstFewLinesAndThenOneCountPerInterval() {
        for (int i = 0; i < 9_000; i++) {
            log.rejected(i % 2 == 0 ? "invalid_job_id" : "malformed_json", "record " + i);
        }
        assertThat(lines).containsExactly("record 0", "record 1", "record 2");

        clock.advance(Duration.ofSeconds(60));
        log.tick();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("8997 more rejected records in the last 60 s")
                .contains("invalid_job_id=4498", "malformed_json=4499");
    }

    @Test
    void aQuietIntervalLogsNothingAndTheNextOneStartsWithItsOwnQuota() {
        log.rejected("invalid_job_id", "first");
        clock.advance(Duration.ofSeconds(61));
        log.tick();
        log.rejected("invalid_job_id", "second");

        assertThat(lines).containsExactly("first", "second");
    }
}
