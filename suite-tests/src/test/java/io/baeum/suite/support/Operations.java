package io.baeum.suite.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.support.Suite.Service;

/**
 * What an operator watches during an outage: each service's readiness (Actuator, the port of the service
 * itself) and the dead-letter queues of ElasticMQ (the SQS API of {@code baeum.suite.sqs.url}, default
 * {@code http://127.0.0.1:9324}; queue names as in deploy/local/elasticmq/elasticmq.conf).
 */
public final class Operations {

    /** Every dead-letter queue the suite declares. */
    public static final List<String> DEAD_LETTER_QUEUES = List.of("progress-events-dlq", "learning-events-dlq",
            "rag-events-dlq", "exam-events-dlq", "billing-events-dlq");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Operations() {
    }

    /** {@code GET /actuator/health/readiness} answers 200 with status UP. */
    public static boolean ready(Service service) {
        try {
            Reply reply = Suite.direct(service).get("/actuator/health/readiness");
            return reply.status() == 200 && "UP".equals(reply.json().path("status").asString());
        } catch (IllegalStateException e) {
            return false;   // refused or timed out: not ready
        }
    }

    /** The services whose readiness is not UP right now. */
    public static List<Service> notReady() {
        List<Service> down = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!ready(service)) {
                down.add(service);
            }
        }
        return down;
    }

    /** Messages in each dead-letter queue (visible and in flight); -1 where ElasticMQ does not answer. */
    public static Map<String, Long> deadLetters() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String queue : DEAD_LETTER_QUEUES) {
            depths.put(queue, depth(queue));
        }
        return depths;
    }

    private static long depth(String queue) {
        String base = System.getProperty("baeum.suite.sqs.url", "http://127.0.0.1:9324");
        String body = "{\"QueueUrl\":\"" + base + "/000000000000/" + queue + "\",\"AttributeNames\":"
                + "[\"ApproximateNumberOfMessages\",\"ApproximateNumberOfMessagesNotVisible\"]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(5))
                .header("X-Amz-Target", "AmazonSQS.GetQueueAttributes")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            JsonNode attributes = Api.JSON.readTree(response.body()).path("Attributes");
            return Long.parseLong(attributes.path("ApproximateNumberOfMessages").asString("0"))
                    + Long.parseLong(attributes.path("ApproximateNumberOfMessagesNotVisible").asString("0"));
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
