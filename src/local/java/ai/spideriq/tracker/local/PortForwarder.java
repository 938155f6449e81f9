package ai.spideriq.tracker.local;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * Forwards TCP connections from a local port to another local port, on Vert.x sockets (no thread per connection).
 * Kafka's test kit always listens on an ephemeral port it binds itself; this gives the embedded broker a fixed,
 * documented address instead.
 */
final class PortForwarder implements AutoCloseable {

    private static final String HOST = "localhost";
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final NetServer server;
    private final NetClient client;
    private volatile int targetPort = -1;

    private PortForwarder(NetServer server, NetClient client) {
        this.server = server;
        this.client = client;
    }

    /**
     * Listens on {@code preferredPort}, or on a free port when that one is taken (see {@link #port()}). Connections
     * are refused until {@link #forwardTo(int)} names the target. Blocks until bound: call it off the event loop.
     */
    static PortForwarder listen(Vertx vertx, int preferredPort) throws Exception {
        PortForwarder forwarder;
        try {
            forwarder = bind(vertx, preferredPort);
        } catch (Exception taken) {
            forwarder = bind(vertx, 0);
        }
        return forwarder;
    }

    private static PortForwarder bind(Vertx vertx, int port) throws Exception {
        PortForwarder forwarder = new PortForwarder(vertx.createNetServer(), vertx.createNetClient());
        forwarder.server.connectHandler(forwarder::accept);
        try {
            await(forwarder.server.listen(port, HOST));
            return forwarder;
        } catch (Exception e) {
            forwarder.close();
            throw e;
        }
    }

    int port() {
        return server.actualPort();
    }

    void forwardTo(int port) {
        if (port == port()) {
            throw new IllegalArgumentException("port " + port + " would forward to itself");
        }
        targetPort = port;
    }

    private void accept(NetSocket inbound) {
        if (targetPort < 0) {
            inbound.close();
            return;
        }
        inbound.pause();
        client.connect(targetPort, HOST).onSuccess(outbound -> {
            // Each pipe ends the other socket when its source closes; pipeTo resumes the paused source.
            inbound.pipeTo(outbound);
            outbound.pipeTo(inbound);
        }).onFailure(failure -> inbound.close());
    }

    @Override
    public void close() throws Exception {
        await(server.close());
        await(client.close());
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
