package ai.spideriq.tracker.local;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the demo feeder runs, and why: an explicit setting wins; otherwise it runs only when the tracker polls the
 * simulator this process serves, never inventing jobs for a real API.
 *
 * @param feed whether to feed demo jobs
 * @param why the reason, for the start-up log
 */
public record DemoFeedDecision(boolean feed, String why) {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public static DemoFeedDecision decide(Optional<Boolean> explicit, boolean simulatorServed, URI apiBaseUrl,
            int httpPort) {
        if (explicit.isPresent()) {
            return new DemoFeedDecision(explicit.get(), "spideriq.local.demo.enabled=" + explicit.get());
        }
        if (!simulatorServed) {
            return new DemoFeedDecision(false, "the simulator is off (simulator.enabled=false)");
        }
        if (!pointsAtThisServer(apiBaseUrl, httpPort)) {
            return new DemoFeedDecision(false, "the API in use is " + apiBaseUrl + ", not the simulator on port "
                    + httpPort + " (set spideriq.local.demo.enabled=true to feed anyway)");
        }
        return new DemoFeedDecision(true, "the API in use is the simulator at " + apiBaseUrl);
    }

    private static boolean pointsAtThisServer(URI url, int httpPort) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase();
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return LOOPBACK_HOSTS.contains(host) && port == httpPort;
    }
}
