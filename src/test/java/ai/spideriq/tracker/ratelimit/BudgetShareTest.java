package ai.spideriq.tracker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BudgetShareTest {

    @Test
    void aSingleReplicaHoldsTheWholeBudget() {
        BudgetShare all = BudgetShare.of(Set.of(0, 1, 2), 3);

        assertThat((double) all.parts() / all.of()).isEqualTo(1.0);
    }

    @Test
    void theReplicaThatDetectsForTheFleetCountsOnePartitionMoreAndThePartsStillAddUp() {
        List<BudgetShare> fleet = List.of(BudgetShare.of(Set.of(0), 3), BudgetShare.of(Set.of(1), 3),
                BudgetShare.of(Set.of(2), 3));

        assertThat(fleet.get(0).parts()).isEqualTo(2 * fleet.get(1).parts());
        assertThat(fleet.stream().mapToDouble(s -> (double) s.parts() / s.of()).sum()).isEqualTo(1.0);
    }

    @Test
    void aReplicaThatOwnsNothingHasNoPart() {
        assertThat(BudgetShare.of(Set.of(), 3).parts()).isZero();
    }
}
