package dev.fnguard.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real {@code redis-server} for a test class, on a free loopback port, with a password (so AUTH
 * is exercised), no persistence, and stops it after. The binary is {@code redis-server} from the PATH
 * when present, else the one shipped in the {@code com.github.codemonstur:embedded-redis} artifact;
 * {@code -Dfnguard.redis.binary=embedded} (or {@link #embedded()}) forces the shipped one, as on a
 * fresh CI machine. Tests may {@link #stop()} and {@link #start()} it again on the same port.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    static final String PASSWORD = "test-secret";

    private final boolean forceEmbedded;
    private Path binary;
    private int port;
    private Process process;
    private Path workDir;

    /** Uses the system binary when there is one. */
    public RedisServerExtension() {
        this(Boolean.FALSE);
    }

    private RedisServerExtension(Boolean forceEmbedded) {
        this.forceEmbedded = forceEmbedded || "embedded".equals(System.getProperty("fnguard.redis.binary"));
    }

    /** @return an extension that always uses the binary shipped in embedded-redis */
    public static RedisServerExtension embedded() {
        return new RedisServerExtension(Boolean.TRUE);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        workDir = Files.createTempDirectory("fnguard-redis");
        binary = forceEmbedded ? shippedBinary(workDir) : systemBinary().orElseGet(() -> shippedBinary(workDir));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (java.util.stream.Stream<Path> files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** @return the binary in use */
    public Path binary() {
        return binary;
    }

    /** @return the URL with the password, as {@code FNGUARD_REDIS_URL} would hold it */
    public String url() {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + port + "/0";
    }

    /** @return the environment that turns Redis on, with a timeout generous enough for a loaded CI box */
    public Map<String, String> environment() {
        return Map.of(RedisSettings.ENV_URL, url(), RedisSettings.ENV_TIMEOUT_MS, "250");
    }

    /**
     * Starts the server (again) on the same port and waits until it accepts connections.
     *
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--requirepass", PASSWORD, "--save", "", "--appendonly", "no",
                "--dir", workDir.toString(), "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("redis.log").toFile())
                .start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(workDir.resolve("redis.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("redis-server did not listen on port " + port + " within 10 s");
    }

    /**
     * Stops the server and waits for it to exit.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    private static java.util.Optional<Path> systemBinary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private static Path shippedBinary(Path dir) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        String name;
        if (os.contains("linux")) {
            name = arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        } else if (os.contains("mac")) {
            name = arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        } else {
            throw new IllegalStateException("no redis-server binary in embedded-redis for " + os + "/" + arch);
        }
        Path target = dir.resolve("redis-server");
        try (InputStream in = redis.embedded.RedisServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not found in the embedded-redis artifact");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!target.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + target + " executable");
        }
        return target;
    }
}
