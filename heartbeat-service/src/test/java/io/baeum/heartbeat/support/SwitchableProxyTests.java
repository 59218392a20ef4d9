package io.baeum.heartbeat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestSqs;

class SwitchableProxyTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withSqs("proxied");

    @Test
    void sqsThroughTheProxyWorksUntilItIsCut() {
        try (SwitchableProxy proxy = new SwitchableProxy(infra.sqs().endpoint());
             SqsAsyncClient client = SqsAsyncClient.builder().endpointOverride(proxy.uri()).region(Region.of(TestSqs.REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSqs.ACCESS_KEY, TestSqs.SECRET_KEY)))
                     .build()) {
            String url = infra.sqs().queueUrl("proxied");
            client.sendMessage(b -> b.queueUrl(url).messageBody("one")).join();
            assertThat(infra.sqs().visibleMessages("proxied")).isEqualTo(1);

            proxy.cut();
            assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(url).messageBody("two")).join());
            proxy.restore();
            client.sendMessage(b -> b.queueUrl(url).messageBody("three")).join();
            assertThat(infra.sqs().visibleMessages("proxied")).isEqualTo(2);
        }
    }
}
