package io.crvs.app.e2e;

import io.crvs.app.CrvsApplication;
import io.crvs.app.config.ConfigLoader;
import io.crvs.app.config.CrvsConfig;
import io.crvs.app.config.Setting;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;

/** Starts the whole application (embedded PostgreSQL in a given directory, ephemeral HTTP port). */
final class AppFixture {
    private AppFixture() {
    }

    static CrvsApplication start(Path dataDir, InstantSource clock, int workers) {
        return CrvsApplication.start(config(dataDir, workers), clock);
    }

    static CrvsConfig config(Path dataDir, int workers) {
        return config(dataDir, workers, Map.of());
    }

    /** Like {@link #config(Path, int)}, with further settings. */
    static CrvsConfig config(Path dataDir, int workers, Map<Setting, String> more) {
        Map<Setting, String> o = new EnumMap<>(Setting.class);
        o.put(Setting.DB_URL, "");
        o.put(Setting.DB_DATA_DIR, dataDir.toString());
        o.put(Setting.KEYS_DIR, dataDir.resolveSibling(dataDir.getFileName() + "-keys").toString());
        o.put(Setting.HTTP_PORT, "0");
        o.put(Setting.WORKERS, Integer.toString(workers));
        o.put(Setting.WORKERS_POLL, "PT0.05S");
        o.put(Setting.RETRY_INITIAL, "PT0.5S");
        o.put(Setting.RETRY_MAX, "PT1S");
        o.put(Setting.LOG_LEVEL, "warn");
        o.putAll(more);
        return ConfigLoader.load(null, Map.of(), o);
    }

    /** Polls until the condition holds or 30 s pass; returns whether it held. */
    static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
