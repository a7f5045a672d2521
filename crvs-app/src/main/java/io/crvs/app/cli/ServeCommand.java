package io.crvs.app.cli;

import io.crvs.app.CrvsApplication;
import io.crvs.app.config.CrvsConfig;
import io.crvs.app.config.Setting;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs serve}: the HTTP receiver and the processing workers, until stopped (Ctrl-C / SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the DCI receiver (HTTP) and the processing workers until stopped.")
public final class ServeCommand implements Runnable {

    @Mixin
    ConfigOptions options;

    @Option(names = {"-p", "--port"}, description = "HTTP port (default 8080)")
    Integer port;

    @Option(names = "--host", description = "bind address (default 127.0.0.1)")
    String host;

    @Option(names = {"-w", "--workers"}, description = "processing worker threads (default 2)")
    Integer workers;

    @Override
    public void run() {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (port != null) {
            overrides.put(Setting.HTTP_PORT, port.toString());
        }
        if (host != null) {
            overrides.put(Setting.HTTP_HOST, host);
        }
        if (workers != null) {
            overrides.put(Setting.WORKERS, workers.toString());
        }
        CrvsConfig config = options.load(overrides);
        CrvsApplication app = CrvsApplication.start(config, InstantSource.system());
        Shutdown.closeOnExitAndWait(app);
    }
}
