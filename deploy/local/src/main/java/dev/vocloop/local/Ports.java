package dev.vocloop.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Checks before anything starts that every port the platform needs is free. */
final class Ports {

    private Ports() {
    }

    /** @param wanted what each port is for, by port */
    static void requireFree(Map<Integer, String> wanted) {
        for (Map.Entry<Integer, String> e : wanted.entrySet()) {
            if (!isFree(e.getKey())) {
                throw new LaunchException("port " + e.getKey() + " (" + e.getValue() + ") is already in use;"
                        + " stop what uses it or choose another port with the environment variable named in the README");
            }
        }
    }

    // SO_REUSEADDR as the services themselves bind: connections of a stopped run that linger in
    // TIME_WAIT must not count as "in use", a listening socket must.
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        // Also the wildcard address: Quarkus listens on 0.0.0.0, which a 127.0.0.1 test does not cover.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
