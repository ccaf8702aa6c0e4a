package io.paystream.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void distinctPortsAreAllDifferentAndFreeOnceReturned() throws IOException {
        int[] ports = FreePorts.distinct(64);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(64);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
