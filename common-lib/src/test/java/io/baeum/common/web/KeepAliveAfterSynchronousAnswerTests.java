package io.baeum.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;
import reactor.core.publisher.Mono;

/**
 * Every request on a keep-alive connection is answered, also one that arrives while the previous
 * exchange is still finishing and is answered synchronously on the event loop (a 401, a 400 from the
 * error envelope). Reactor Netty 1.3.6 queued such a request and, after answering it, never asked for
 * the next read: the following request on that connection sat unread in the socket for good
 * (reactor-netty #4361, fixed by #4347 in 1.3.8; docs/adr/0005-unanswered-keep-alive-requests.md).
 *
 * <p>Plain sockets with read deadlines, so a request left unanswered fails the test with a message
 * instead of stalling the build, and no HTTP client reconnects behind our back. An answer late on a
 * starved machine is told from one never given: past the deadline, the server must answer a new
 * connection, and then the waiting one, within another deadline.
 */
@SpringBootTest(classes = KeepAliveAfterSynchronousAnswerTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration")
class KeepAliveAfterSynchronousAnswerTests {

    /** Far above any answer here (each takes milliseconds on an idle machine). */
    private static final Duration READ_DEADLINE = Duration.ofSeconds(5);
    /** How long a fresh connection may take to be answered before the server counts as unresponsive. */
    private static final Duration SERVER_ALIVE_DEADLINE = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;

    @LocalServerPort
    int port;

    @Test
    void aRequestAfterAPipelinedSynchronousRefusalIsAnswered() throws IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            try (Connection connection = connect()) {
                // the delayed answer keeps the first exchange open while the 401 request arrives behind it
                connection.send(get("/slow") + get("/refused"));
                connection.expect(200, "the delayed request", round);
                connection.expect(401, "the refused request pipelined behind it", round);

                connection.send(get("/slow"));
                connection.expect(200, "the third request on the same connection", round);
            }
        }
    }

    @Test
    void aRequestAfterAnErrorForAnEmptyBodyIsAnsweredOnTheSameConnection() throws IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            try (Connection connection = connect()) {
                // a declared empty body refused with an error envelope: the connection stays open and usable
                connection.send(get("/slow") + post("/refused"));
                connection.expect(200, "the delayed request", round);
                Response refused = connection.expect(401, "the bodiless POST refused behind it", round);
                assertThat(refused.headers()).doesNotContainKey("connection");

                connection.send(get("/slow"));
                connection.expect(200, "the third request on the same connection", round);
            }
        }
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) READ_DEADLINE.toMillis());
        socket.setSoTimeout((int) READ_DEADLINE.toMillis());
        socket.setTcpNoDelay(true);
        return new Connection(socket);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
    }

    private static String post(String path) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 connection read by hand: status line, headers, a Content-Length or chunked body. */
    private final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void send(String requests) throws IOException {
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        Response expect(int status, String what, int round) throws IOException {
            if (!answerStartsWithin(READ_DEADLINE)) {
                // slow or never? the server must answer a new connection, then this one
                try (Connection probe = connect()) {
                    probe.send(get("/slow"));
                    if (!probe.answerStartsWithin(SERVER_ALIVE_DEADLINE)) {
                        fail("round %d: the server answered nothing, not even a new connection, within %s "
                                + "(starved machine or dead server)", round, SERVER_ALIVE_DEADLINE);
                    }
                }
                if (!answerStartsWithin(READ_DEADLINE)) {
                    fail("round %d: %s got no answer on a keep-alive connection while the server answered a new one "
                            + "(the server left it unread: reactor-netty #4361)", round, what);
                }
            }
            Response response = read();
            assertThat(response.status()).as("round %d: status of %s (%s)", round, what, response.body())
                    .isEqualTo(status);
            return response;
        }

        /** Waits for the first byte of an answer without consuming it. */
        boolean answerStartsWithin(Duration deadline) throws IOException {
            socket.setSoTimeout((int) deadline.toMillis());
            in.mark(1);
            try {
                if (in.read() == -1) {
                    throw new IOException("the server closed the connection instead of answering");
                }
                in.reset();
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } finally {
                socket.setSoTimeout((int) READ_DEADLINE.toMillis());
            }
        }

        private Response read() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("the server closed the connection instead of answering");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            String body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                line();
                body = all.toString(StandardCharsets.UTF_8);
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            return new Response(status, headers, body);
        }

        /** One CRLF-terminated line, or null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @RestController
    static class Endpoints {

        /** Answered after the event loop has gone back to reading. */
        @GetMapping("/slow")
        Mono<ApiResponse<String>> slow() {
            return Mono.delay(Duration.ofMillis(50)).thenReturn(ApiResponse.ok("ok"));
        }

        /** Refused at once, on the event loop, like a missing token. */
        @GetMapping("/refused")
        Mono<ApiResponse<Void>> refusedGet() {
            throw new DomainException(ErrorKind.UNAUTHENTICATED, "TOKEN_MISSING", "a bearer token is required");
        }

        @PostMapping("/refused")
        Mono<ApiResponse<Void>> refusedPost() {
            throw new DomainException(ErrorKind.UNAUTHENTICATED, "TOKEN_MISSING", "a bearer token is required");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }
}
