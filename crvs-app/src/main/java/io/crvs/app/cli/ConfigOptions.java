package io.crvs.app.cli;

import io.crvs.app.config.ConfigLoader;
import io.crvs.app.config.CrvsConfig;
import io.crvs.app.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares: the configuration file and the database location. */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "properties file with settings (see README); environment variables CRVS_* override it")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory of the embedded PostgreSQL (default: crvs-data/postgres)")
    Path dataDir;

    /** Loads the configuration with extra overrides from the command. */
    public CrvsConfig load(Map<Setting, String> overrides) {
        Map<Setting, String> all = new EnumMap<>(Setting.class);
        if (dataDir != null) {
            all.put(Setting.DB_DATA_DIR, dataDir.toString());
        }
        all.putAll(overrides);
        CrvsConfig config = ConfigLoader.load(configFile, System.getenv(), all);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", config.logLevel());
        return config;
    }

    public CrvsConfig load() {
        return load(Map.of());
    }
}
