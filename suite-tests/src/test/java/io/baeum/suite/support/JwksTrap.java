package io.baeum.suite.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * An attacker's key server: serves the attacker's public key as a JWKS (for {@code jku}) and as a
 * bare key (for {@code x5u}), and records every fetch. A verifier that follows those headers would
 * come here; none may.
 */
public final class JwksTrap implements AutoCloseable {

    private final HttpServer server;
    private final List<String> fetches = new CopyOnWriteArrayList<>();

    public JwksTrap(RSAKey attackerKey) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        byte[] jwks = new JWKSet(attackerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            fetches.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " from " + exchange.getRemoteAddress());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<String> fetches() {
        return Collections.unmodifiableList(fetches);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
