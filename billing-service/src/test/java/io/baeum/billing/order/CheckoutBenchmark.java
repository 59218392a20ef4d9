package io.baeum.billing.order;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.sun.management.ThreadMXBean;
import software.amazon.awssdk.services.sqs.model.Message;

import io.baeum.billing.testing.BillingMother;
import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * Not a test (no {@code Tests} suffix; run with {@code -Pbench}): (1) order → complete → EnrollmentPaid
 * accepted by SQS on learning-events, latency per purchase with PortOne on WireMock, sequential and by
 * concurrent buyers (sizes: -Dbench.purchases, -Dbench.concurrent, -Dbench.buyers, -Dbench.webhooks); (2) the webhook
 * endpoint's throughput with valid Standard Webhooks signatures (unique ids, unknown payments: verify,
 * dedup insert, queue). Prints percentiles, CPU and allocation of the JVM per request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baeum.outbox.poll-interval=50ms", "logging.level.io.baeum=WARN"})
@AutoConfigureWebTestClient
class CheckoutBenchmark {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

    static final TestAccessTokens tokens = BillingTestSupport.tokens();
    static final WireMockServer portOne = new WireMockServer(options().dynamicPort().containerThreads(20).extensions(new PaidEcho()));

    static {
        portOne.start();
    }

    /** Answers GET /payments/{id} with a PAID payment of 55,000 for whatever id is asked. */
    static final class PaidEcho implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            String id = event.getRequest().getUrl().substring("/payments/".length());
            return Response.Builder.like(response).body(BillingMother.payment(id, "PAID", 55_000, 0, "KRW")).build();
        }

        @Override
        public String getName() {
            return "paid-echo";
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", () -> tokens.jwksUri().toString());
        registry.add("baeum.billing.portone.base-url", () -> "http://127.0.0.1:" + portOne.port());
    }

    @AfterAll
    static void close() {
        tokens.close();
        portOne.stop();
    }

    @Autowired
    WebTestClient web;

    final BillingTestSupport support = new BillingTestSupport(infra, tokens);

    /** When each order's EnrollmentPaid was seen on learning-events (one thread drains the queue for all buyers). */
    final Map<String, Long> arrived = new ConcurrentHashMap<>();
    static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void orderToEnrollmentPaidLatencyAndWebhookThroughput() throws Exception {
        support.awaitReady(web);
        portOne.stubFor(get(urlPathMatching("/payments/[^/]+")).willReturn(okJson("{}").withTransformers("paid-echo")));
        UUID cohort = support.offeredCohort("Bench", 55_000, LocalDate.now().plusDays(1), LocalDate.now().plusDays(30), 10);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        WebTestClient client = BillingTestSupport.queued(web);
        Thread collector = Thread.ofPlatform().daemon().name("learning-events-collector").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Message m : infra.sqs().drain("learning-events", 10)) {
                    Matcher id = ORDER_ID.matcher(m.body());
                    if (id.find()) {
                        arrived.putIfAbsent(id.group(1), System.nanoTime());
                    }
                }
            }
        });

        int purchases = Integer.getInteger("bench.purchases", 200);
        int warmUp = 20;
        long[] sequential = new long[purchases];
        for (int i = 0; i < purchases + warmUp; i++) {
            long millis = purchase(client, "bench-" + i, cohort);
            if (i >= warmUp) {
                sequential[i - warmUp] = millis;
            }
        }
        report("%d sequential purchases".formatted(purchases), sequential);

        int concurrent = Integer.getInteger("bench.concurrent", 200);
        int buyers = Integer.getInteger("bench.buyers", 8);
        long[] parallel = new long[concurrent];
        ExecutorService shoppers = Executors.newFixedThreadPool(buyers);
        long began = System.nanoTime();
        List<Future<?>> bought = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            int buyer = b;
            bought.add(shoppers.submit(() -> {
                for (int i = buyer; i < concurrent; i += buyers) {
                    parallel[i] = purchase(client, "bench-c-" + i, cohort);
                }
                return null;
            }));
        }
        for (Future<?> f : bought) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        shoppers.shutdown();
        report("%d purchases by %d concurrent buyers (%.1f purchases/s)".formatted(concurrent, buyers, concurrent / seconds), parallel);
        collector.interrupt();

        int webhooks = Integer.getInteger("bench.webhooks", 4_000);
        int clients = Integer.getInteger("bench.buyers", 8);
        List<String[]> prepared = new ArrayList<>();
        for (int i = 0; i < webhooks; i++) {
            String id = "bench-wh-" + i;
            String body = BillingMother.webhook("Transaction.Paid", "unknown-" + i);
            prepared.add(new String[] {id, body});
        }
        WebTestClient patient = client;
        AtomicLong ok = new AtomicLong();
        long cpuBefore = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        long allocBefore = Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).sum();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int worker = c;
            done.add(pool.submit(() -> {
                for (int i = worker; i < webhooks; i += clients) {
                    String[] w = prepared.get(i);
                    if (support.webhook(patient, BillingTestSupport.CURRENT_SECRET, w[0], Instant.now(), w[1])
                            .returnResult(String.class).getStatus().value() == 200) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long cpu = (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0) - cpuBefore;
        long alloc = Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).sum() - allocBefore;
        assertThat(ok.get()).isEqualTo(webhooks);
        System.out.printf("BENCH webhooks: %d signed deliveries by %d clients in %.1f s = %.0f/s; JVM (client + server) CPU %.2f ms "
                        + "and ~%d KB allocated per delivery%n", webhooks, clients, elapsed / 1e9, webhooks / (elapsed / 1e9),
                cpu / 1e6 / webhooks, alloc / 1024 / webhooks);
    }

    /** Cart, order, complete (PortOne on WireMock), then until the order's EnrollmentPaid is on learning-events: ms. */
    long purchase(WebTestClient client, String account, UUID cohort) {
        String token = support.trainee(account);
        long start = System.nanoTime();
        Map<String, Object> order = support.orderOf(client, token, cohort);
        client.post().uri("/api/v1/billing/orders/{id}/complete", order.get("id")).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
        String orderId = (String) order.get("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> arrived.containsKey(orderId));
        return (arrived.get(orderId) - start) / 1_000_000;
    }

    static void report(String what, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("BENCH checkout (cart + order + complete + EnrollmentPaid on SQS), %s: p50 %d ms, p90 %d ms, p99 %d ms, "
                + "max %d ms%n", what, sorted[n / 2], sorted[n * 9 / 10], sorted[Math.min(n - 1, n * 99 / 100)], sorted[n - 1]);
    }
}
