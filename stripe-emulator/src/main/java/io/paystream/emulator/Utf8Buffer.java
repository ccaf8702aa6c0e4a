package io.paystream.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing UTF-8 buffer for {@link CompiledTemplate}: no locks per write, unlike {@code ByteArrayOutputStream}. */
final class Utf8Buffer {
    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    void add(char ascii) {
        room(1);
        bytes[length++] = (byte) ascii;
    }

    void add(byte[] utf8) {
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    void add(long number) {
        if (number < 0) {
            add(Long.toString(number).getBytes(StandardCharsets.UTF_8));
            return;
        }
        room(20);
        int digits = 1;
        for (long rest = number / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        length += digits;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
