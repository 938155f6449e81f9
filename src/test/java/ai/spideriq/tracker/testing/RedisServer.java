package ai.spideriq.tracker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for one test: Testcontainers where a Docker engine answers, else a child {@code redis-server} (the
 * Debian package; {@code .ci/run} installs it) on a free port, with no persistence. {@link #stop()} takes it away
 * mid-test, as an outage would.
 */
public final class RedisServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisServer.class);
    private static final String IMAGE = "redis:7-alpine";

    private final String url;
    private final Runnable stopper;
    private boolean stopped;

    private RedisServer(String url, Runnable stopper) {
        this.url = url;
        this.stopper = stopper;
    }

    public static RedisServer start() {
        return start(null);
    }

    /** One that asks for {@code password} (null: none); its {@link #url()} carries it. */
    public static RedisServer start(String password) {
        List<String> command = new ArrayList<>(List.of("redis-server", "--save", "", "--appendonly", "no"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        String credentials = password == null ? "" : ":" + password + "@";
        return dockerAvailable() ? inContainer(command, credentials) : childProcess(command, credentials);
    }

    /** {@code redis://[:password@]host:port}. */
    public String url() {
        return url;
    }

    /** Takes it away: connections are refused from now on. */
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            stopper.run();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static RedisServer inContainer(List<String> command, String credentials) {
        GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(6379)
                .withCommand(command.toArray(String[]::new));
        container.start();
        String address = container.getHost() + ":" + container.getMappedPort(6379);
        LOG.infof("Redis in a container at %s", address);
        return new RedisServer("redis://" + credentials + address, container::stop);
    }

    private static RedisServer childProcess(List<String> command, String credentials) {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path log = Files.createTempFile("spideriq-test-redis-", ".log");
            List<String> child = new ArrayList<>(command);
            child.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--daemonize", "no"));
            Process process = new ProcessBuilder(child).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Thread hook = new Thread(process::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(hook);
            awaitPong(port, process, log);
            LOG.infof("Redis as a child process (no Docker engine) at 127.0.0.1:%d, pid %d", port, process.pid());
            return new RedisServer("redis://" + credentials + "127.0.0.1:" + port, () -> {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server (apt-get install -y redis-server)", e);
        }
    }

    private static void awaitPong(int port, Process process, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = in.readNBytes(7);
                String reply = new String(answer, StandardCharsets.US_ASCII);
                if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port);
    }
}
