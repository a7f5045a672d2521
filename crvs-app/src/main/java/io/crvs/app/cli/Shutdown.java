package io.crvs.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes the given resource first. */
final class Shutdown {
    private Shutdown() {
    }

    static void closeOnExitAndWait(AutoCloseable resource) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) { // closing on the way out: report and finish
                System.err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "crvs-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
