package io.baeum.heartbeat.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import io.baeum.testing.TestSqs;

/**
 * Load-benchmark fixture (not a test): an ElasticMQ server in its own JVM (so its CPU is counted apart
 * from the service's), with the {@code progress-events} queue. Writes {@code sqs.endpoint} and
 * {@code sqs.queue} (the queue URL) to the output directory, then stays up until killed. Shared by
 * heartbeat-service's {@code run.sh} and the Rust reference run of {@code vs-reference.sh}.
 * Usage: {@code BenchSqs <port> <outDir>}.
 */
public final class BenchSqs {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try (SqsAsyncClient sqs = SqsAsyncClient.builder().endpointOverride(endpoint).region(Region.of(TestSqs.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSqs.ACCESS_KEY,
                        TestSqs.SECRET_KEY))).build()) {
            String url = sqs.createQueue(b -> b.queueName("progress-events")).join().queueUrl();
            Files.write(out.resolve("sqs.queue"), List.of(url));
        }
        Files.write(out.resolve("sqs.endpoint"), List.of(endpoint.toString()));
        System.out.println("SQS READY " + endpoint);
        Thread.currentThread().join();
    }

    private BenchSqs() {
    }
}
