package io.paystream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks loopback ports that are free right now, for servers that must be restarted on the same port. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * {@code count} different free ports. Each socket stays open until all are picked: picked one by one with
     * {@link #next()}, the kernel may hand the same port out twice, and two services told to share one port fail in
     * confusing ways (the second cannot bind, while a health check on that port is answered by the first).
     */
    public static int[] distinct(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                socket.setReuseAddress(true);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that will not close still held a distinct port; nothing to undo
                }
            }
        }
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
