package ai.spideriq.tracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

class PortForwarderTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void forwards_bytes_both_ways_to_the_target_port() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PortForwarder forwarder = PortForwarder.listen(vertx, 0)) {
            forwarder.forwardTo(target.getLocalPort());
            try (Socket client = new Socket("localhost", forwarder.port())) {
                client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
                try (Socket accepted = target.accept()) {
                    assertThat(read(accepted.getInputStream(), 4)).isEqualTo("ping");
                    accepted.getOutputStream().write("pong".getBytes(StandardCharsets.UTF_8));
                    assertThat(read(client.getInputStream(), 4)).isEqualTo("pong");
                }
            }
        }
    }

    @Test
    void listens_on_a_free_port_when_the_preferred_one_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PortForwarder forwarder = PortForwarder.listen(vertx, taken.getLocalPort())) {
            assertThat(forwarder.port()).isPositive().isNotEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void refuses_connections_until_it_knows_the_target() throws Exception {
        try (PortForwarder forwarder = PortForwarder.listen(vertx, 0);
                Socket client = new Socket("localhost", forwarder.port())) {
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static String read(InputStream in, int length) throws Exception {
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
