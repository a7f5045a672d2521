package io.crvs.app;

import io.crvs.core.domain.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Checks the HTTP address before anything slow starts, so a busy port is reported at once and by name. */
final class PortCheck {
    private PortCheck() {
    }

    static void requireFree(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("http.host " + host + " is not a known address");
        }
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new InvalidInputException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): is another receiver running? choose another port with --port or http.port");
        }
    }
}
