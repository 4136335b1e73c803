package dev.tollgate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a server the tests share (PostgreSQL, InfluxDB), so that a
 * test can cut a connection as an outage would, without stopping the server for everyone else.
 * {@link #cut()} closes every connection and refuses new ones, as a stopped server does;
 * {@link #restore()} accepts again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private volatile boolean refusing;
    private final Object flow = new Object();
    private boolean paused;

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
    }

    /** Forwards a free loopback port to {@code host:port}. */
    public static TcpProxy start(String host, int port) throws IOException {
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), listen(0));
        proxy.acceptOn(proxy.listener);
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        refusing = true;
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
            refusing = false;
            acceptOn(listener);
        }
    }

    /**
     * Holds every byte in both directions, on open connections and new ones alike, until
     * {@link #resume()}: a server that hangs (frozen, or behind a partition) rather than refuses.
     */
    public void pause() {
        synchronized (flow) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (flow) {
            paused = false;
            flow.notifyAll();
        }
    }

    private void awaitFlowing() throws IOException {
        synchronized (flow) {
            while (paused) {
                try {
                    flow.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while paused", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        resume();
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptOn(ServerSocket server) {
        Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return;
                }
                Thread.ofVirtual().start(() -> connect(client));
            }
        });
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        open.add(client);
        open.add(upstream);
        // Accepted just before a cut: cut() may have missed these two, so they end here.
        if (refusing) {
            closeBoth(client, upstream);
            return;
        }
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeBoth(client, upstream);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, upstream));
        pump(upstream, client);
    }

    /** Copies until either side ends, then ends both, as a connection through a real network would. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitFlowing();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // One side closed or was cut.
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        open.remove(one);
        open.remove(other);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all we wanted.
        }
    }
}
