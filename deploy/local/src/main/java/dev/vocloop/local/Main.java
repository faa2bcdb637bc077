package dev.vocloop.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./vocloop up}: starts the platform, prints where it is, and stops it on Ctrl-C or SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.println("usage: vocloop up");
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
        System.out.printf("VoC Loop is ready (started in %.1f s).%n", (System.nanoTime() - startedAt) / 1e9);
        System.out.println(platform.summary());
        System.out.flush();
        stopped.await();
    }
}
