package ai.spideriq.tracker.detection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@link EndHints} that write down what they are told, for tests of the detectors. */
final class RecordingHints implements EndHints {

    final List<String> told = new ArrayList<>();
    /** The jobs the pretend tracker still waits for. */
    final Set<UUID> awaiting = new HashSet<>();

    @Override
    public void streaming(boolean up) {
        told.add(up ? "up" : "down");
    }

    @Override
    public void sweeping(boolean working) {
        told.add(working ? "sweeping" : "not sweeping");
    }

    @Override
    public void announceStarted(UUID jobId) {
        told.add("started " + jobId);
    }

    @Override
    public void announceEnded(UUID jobId) {
        told.add("ended " + jobId);
        awaiting.remove(jobId);
    }

    @Override
    public boolean awaitsAnyEnd() {
        return !awaiting.isEmpty();
    }

    /** Whether the pretend tracker has announced ends waiting for tokens. */
    boolean readsQueued;

    @Override
    public boolean endsAwaitRead() {
        return readsQueued;
    }

    List<String> ends() {
        return told.stream().filter(line -> line.startsWith("ended ")).toList();
    }
}
