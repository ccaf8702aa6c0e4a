package io.paystream.ingest;

import io.paystream.testsupport.StripeWebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Sends webhook requests the way Stripe does, plus raw-socket requests for what HttpClient refuses to send. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** POSTs {@code body} to the default endpoint, signed now with {@code secret}. */
    public HttpResponse<String> sendSigned(byte[] body, String secret) {
        return send("/webhooks/stripe", body, StripeWebhookSigner.header(body, secret, Instant.now()));
    }

    public HttpResponse<String> send(String path, byte[] body, String signatureHeader) {
        return send(path, body, signatureHeader, "application/json; charset=utf-8");
    }

    public HttpResponse<String> send(String path, byte[] body, String signatureHeader, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a connection and writes {@code head} (request line and headers, CRLF-terminated) and {@code body}. */
    public Socket openRaw(String head, byte[] body) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the response head from a raw connection; returns the status line and headers. */
    public static String readResponseHead(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int statusOf(String responseHead) {
        String[] statusLine = responseHead.split(" ", 3);
        return Integer.parseInt(statusLine[1]);
    }
}
