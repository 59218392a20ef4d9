package io.baeum.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

class DomainEventCodecTests {

    final DomainEventCodec codec = new DomainEventCodec(JsonMapper.builder().build());
    final Clock clock = Clock.fixed(Instant.parse("2026-05-01T09:30:00Z"), ZoneOffset.UTC);

    record EnrollmentPaid(String enrollmentId, long amountWon) {
    }

    @Test
    void writesTheCloudEventsJsonShapeAndReadsItBack() {
        DomainEvent event = codec.create("io.baeum.billing.EnrollmentPaid.v1", URI.create("/billing-service"),
                "enr-42", new EnrollmentPaid("enr-42", 330_000), clock);

        String json = codec.write(event);

        assertThat(json).startsWith("{\"specversion\":\"1.0\",\"id\":\"" + event.id() + "\"")
                .contains("\"type\":\"io.baeum.billing.EnrollmentPaid.v1\"", "\"source\":\"/billing-service\"",
                        "\"subject\":\"enr-42\"", "\"time\":\"2026-05-01T09:30:00Z\"",
                        "\"datacontenttype\":\"application/json\"", "\"data\":{\"enrollmentId\":\"enr-42\",\"amountWon\":330000}");
        DomainEvent read = codec.read(json);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.time()).isEqualTo(event.time());
        // JSON numbers come back as the narrowest node type, so compare the wire form
        assertThat(codec.write(read)).isEqualTo(json);
        assertThat(codec.data(read, EnrollmentPaid.class)).isEqualTo(new EnrollmentPaid("enr-42", 330_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "{\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\",\"time\":\"2026-05-01T09:30:00Z\"}",
            "{\"specversion\":\"0.3\",\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\",\"time\":\"2026-05-01T09:30:00Z\"}",
            "{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\",\"time\":\"2026-05-01T09:30:00Z\"}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"time\":\"2026-05-01T09:30:00Z\"}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"time\":\"2026-05-01T09:30:00Z\"}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\",\"time\":\"yesterday\"}",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\"}",
            "{\"specversion\":\"1.0\",\"id\":7,\"type\":\"t\",\"source\":\"/s\",\"time\":\"2026-05-01T09:30:00Z\"}"})
    void rejectsBodiesThatAreNotCloudEvents(String body) {
        assertThatThrownBy(() -> codec.read(body)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void rejectsDataThatDoesNotMatchTheConsumersRecord() {
        DomainEvent event = codec.read("{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\",\"source\":\"/s\","
                + "\"time\":\"2026-05-01T09:30:00Z\",\"data\":{\"enrollmentId\":\"e\",\"amountWon\":\"lots\"}}");
        assertThatThrownBy(() -> codec.data(event, EnrollmentPaid.class)).isInstanceOf(MalformedEventException.class);
    }
}
