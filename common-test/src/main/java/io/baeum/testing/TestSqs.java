package io.baeum.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An ElasticMQ server inside the test JVM, on a random port, speaking the real SQS protocol, with
 * each requested queue and its dead-letter queue ({@code <name>-dlq}, redrive after
 * {@value #MAX_RECEIVE_COUNT} receives) created — the layout of ARCHITECTURE.md.
 */
public final class TestSqs {

    /** Receives before a message moves to the dead-letter queue, as in production. */
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final String REGION = "ap-northeast-2";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsAsyncClient client;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();

    private TestSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = SqsAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    static TestSqs start(List<String> queues, Duration visibilityTimeout) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        TestSqs sqs = new TestSqs(server, URI.create("http://127.0.0.1:" + port));
        queues.forEach(queue -> sqs.createWithDeadLetterQueue(queue, visibilityTimeout));
        return sqs;
    }

    private void createWithDeadLetterQueue(String queue, Duration visibilityTimeout) {
        String dlqUrl = client.createQueue(b -> b.queueName(queue + "-dlq")).join().queueUrl();
        String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .join().attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        String url = client.createQueue(b -> b.queueName(queue).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds())))).join().queueUrl();
        queueUrls.put(queue + "-dlq", dlqUrl);
        queueUrls.put(queue, url);
    }

    void stop() {
        client.close();
        server.stopAndWait();
    }

    /** The SQS endpoint, for {@code spring.cloud.aws.sqs.endpoint}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client for the test's own sends and receives (shared; do not close). */
    public SqsAsyncClient client() {
        return client;
    }

    /** The URL of a queue created by this fixture (including {@code <name>-dlq}). */
    public String queueUrl(String queue) {
        String url = queueUrls.get(queue);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + queue + "; created: " + queueUrls.keySet());
        }
        return url;
    }

    /** Approximate number of visible messages, for polling assertions. */
    public int visibleMessages(String queue) {
        return Integer.parseInt(client.getQueueAttributes(b -> b.queueUrl(queueUrl(queue))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .join().attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** Receives (and deletes) up to {@code max} messages currently visible on the queue. */
    public List<Message> drain(String queue, int max) {
        List<Message> received = new ArrayList<>();
        while (received.size() < max) {
            List<Message> batch = client.receiveMessage(b -> b.queueUrl(queueUrl(queue))
                    .maxNumberOfMessages(Math.min(10, max - received.size()))
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .waitTimeSeconds(0)).join().messages();
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(m -> client.deleteMessage(b -> b.queueUrl(queueUrl(queue)).receiptHandle(m.receiptHandle())).join());
            received.addAll(batch);
        }
        return received;
    }
}
