package dev.vocloop.gateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay to the test database that can be cut: while cut, nothing listens on its port (a
 * connection is refused, as when the server is down) and every relayed connection is closed, so a
 * pool's open connections break as they would when PostgreSQL restarts.
 */
final class TcpRelay implements AutoCloseable {

    private final int target;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Times a client spoke after the server had: round trips, however TCP splits each message. */
    private final AtomicLong turns = new AtomicLong();
    private final AtomicBoolean clientSpokeLast = new AtomicBoolean();
    private volatile ServerSocket server;

    TcpRelay(int target) {
        this.target = target;
        this.port = listen(0);
    }

    int port() {
        return port;
    }

    /** Round trips so far: how many times a client sent something after the server's last answer (one client at a time). */
    long roundTrips() {
        return turns.get();
    }

    synchronized void cut() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sockets.clear();
    }

    synchronized void restore() {
        listen(port);
    }

    @Override
    public void close() {
        cut();
    }

    private int listen(int on) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
            server = s;
            Thread accept = new Thread(() -> accept(s), "relay-accept");
            accept.setDaemon(true);
            accept.start();
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (clientSpokeLast.getAndSet(fromClient) != fromClient && fromClient) {
                        turns.incrementAndGet();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }
}
