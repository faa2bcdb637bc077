package dev.vocloop.local;

import dev.vocloop.local.demo.DemoLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./vocloop up}: starts the platform, prints where it is, and stops it on Ctrl-C or SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean demo = args.length == 2 && args[1].equals("--demo");
        if (args.length == 0 || !args[0].equals("up") || (args.length > 1 && !demo)) {
            System.err.println("usage: vocloop up [--demo]");
            System.exit(2);
        }
        long startedAt = System.nanoTime();
        Path repoRoot = Path.of(System.getProperty("vocloop.repo", ".")).toAbsolutePath().normalize();
        Platform platform;
        try {
            LocalConfig config = LocalConfig.fromEnvironment(System.getenv(), repoRoot);
            System.out.println("Starting VoC Loop (data in " + config.home() + ") ...");
            platform = Platform.start(config);
        } catch (LaunchException e) {
            System.err.println("vocloop: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping VoC Loop ...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "vocloop-stop"));
        if (demo) {
            loadDemo(platform);
        }
        System.out.printf("VoC Loop is ready (started in %.1f s).%n", (System.nanoTime() - startedAt) / 1e9);
        System.out.println(platform.summary());
        System.out.flush();
        stopped.await();
    }

    /** Fills a fresh platform with demo data; a failure is reported and the platform keeps running. */
    private static void loadDemo(Platform platform) {
        LocalConfig config = platform.config();
        System.out.println("Loading demo data ...");
        try {
            DemoLoader.Result result = new DemoLoader("http://127.0.0.1:" + config.gatewayPort(), config.gatewayUrl(),
                    platform.adminKey()).load(config.home());
            System.out.println(result.summary());
            result.keys().forEach((name, value) -> System.out.println("  " + name + ": " + value));
            if (result.loaded()) {
                System.out.println("  (also in " + config.home().resolve("demo-keys.txt") + ")");
            }
        } catch (RuntimeException e) {
            System.err.println("vocloop: demo data could not be loaded: " + e.getMessage());
        }
    }
}
