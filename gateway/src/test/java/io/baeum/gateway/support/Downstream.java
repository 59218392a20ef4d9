package io.baeum.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** A service behind the gateway, played by WireMock on a fixed port, that a test can stop and start again. */
public final class Downstream {

    /** Enough request threads for the concurrency tests: WireMock's default pool queues them past route timeouts. */
    private static final int THREADS = 300;

    private final int port;
    private WireMockServer server;

    private Downstream() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(THREADS));
        server.start();
        port = server.port();
    }

    public static Downstream create() {
        return new Downstream();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Stops answering: connections are refused, as with a stopped process. */
    public void stop() {
        server.stop();
    }

    /** Answers again on the same port (stubs must be registered again). */
    public void restart() {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(THREADS));
        server.start();
    }

    public void reset() {
        if (!server.isRunning()) {
            restart();
        }
        server.resetAll();
    }
}
