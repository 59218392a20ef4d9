package io.baeum.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Serves a JWKS from the JDK's HTTP server on a random loopback port, and counts requests. */
public final class JwksTestServer implements AutoCloseable {

    enum Mode { SERVE, FAIL, HANG }

    private final HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SERVE);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<HttpExchange> held = new CopyOnWriteArrayList<>();

    public JwksTestServer(JWK... keys) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.createContext("/", this::handle);
        server.start();
        serve(keys);
    }

    /** Publishes the public halves of {@code keys}. */
    public void serve(JWK... keys) {
        body.set(new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        mode.set(Mode.SERVE);
    }

    /** Answers 500 from now on. */
    public void fail() {
        mode.set(Mode.FAIL);
    }

    /** Accepts requests and never answers them. */
    public void hang() {
        mode.set(Mode.HANG);
    }

    public int requests() {
        return requests.get();
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        switch (mode.get()) {
            case HANG -> held.add(exchange);
            case FAIL -> {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            }
            case SERVE -> {
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        held.forEach(HttpExchange::close);
        server.stop(0);
    }
}
