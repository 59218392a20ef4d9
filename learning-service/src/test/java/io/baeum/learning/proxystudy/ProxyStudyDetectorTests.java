package io.baeum.learning.proxystudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.baeum.common.error.DomainException;
import io.baeum.learning.proxystudy.domain.Cidr;
import io.baeum.learning.proxystudy.domain.FlagKind;
import io.baeum.learning.proxystudy.domain.ProxyStudyDetector;
import io.baeum.learning.proxystudy.domain.SessionSighting;
import io.baeum.learning.proxystudy.domain.Suspicion;

/** The detection rules on hand-made sightings (plain Java, no database). */
class ProxyStudyDetectorTests {

    static final Instant T0 = Instant.parse("2026-12-03T01:00:00Z");
    final ProxyStudyDetector detector = new ProxyStudyDetector(Duration.ofMinutes(10), List.of(Cidr.parse("192.0.2.0/24"),
            Cidr.parse("2001:db8::/32")), ZoneId.of("Asia/Seoul"));

    @Test
    void aChainOfStartsWithinTheWindowAcrossEmployersIsOneSuspicion() {
        List<Suspicion> found = detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A"),
                start("b", "s2", "198.51.100.1", 8, "B"), start("c", "s3", "198.51.100.1", 16, null)));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(FlagKind.SHARED_IP);
            assertThat(s.accountIds()).containsExactly("a", "b", "c");
            assertThat(s.dedupeKey()).isEqualTo("SHARED_IP|198.51.100.1|2026-12-03|a,b,c");
        });
    }

    @Test
    void oneEmployerAStartOutsideTheWindowOrAnAllowedNetworkIsNoSuspicion() {
        assertThat(detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A"), start("b", "s2", "198.51.100.1", 5, "A")))).isEmpty();
        assertThat(detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A"), start("b", "s2", "198.51.100.1", 11, "B")))).isEmpty();
        assertThat(detector.detect(List.of(start("a", "s1", "192.0.2.200", 0, "A"), start("b", "s2", "192.0.2.200", 1, "B")))).isEmpty();
        assertThat(detector.detect(List.of(start("a", "s1", "2001:db8::7", 0, "A"), start("b", "s2", "2001:db8::7", 1, "B")))).isEmpty();
        assertThat(detector.detect(List.of(start("a", "s1", "2001:db9::7", 0, "A"), start("b", "s2", "2001:db9::7", 1, "B")))).hasSize(1);
    }

    @Test
    void aConcurrentSessionEndIsTwoDevicesUnlessTheDeviceIsTheSame() {
        List<Suspicion> found = detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A", "d1"),
                start("a", "s2", "203.0.113.9", 3, "A", "d2"), end("a", "s1", 3, "CONCURRENT_SESSION")));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(FlagKind.TWO_DEVICES);
            assertThat(s.sessionIds()).containsExactly("s1", "s2");
            assertThat(s.evidence()).hasSize(3);
        });
        assertThat(detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A", "d1"),
                start("a", "s2", "198.51.100.1", 3, "A", "d1"), end("a", "s1", 3, "CONCURRENT_SESSION")))).isEmpty();
        assertThat(detector.detect(List.of(start("a", "s1", "198.51.100.1", 0, "A", "d1"), end("a", "s1", 3, "ENDED")))).isEmpty();
    }

    @Test
    void networksParseStrictlyAndNeverAsHostNames() {
        assertThat(Cidr.parse("203.0.113.77/24").toString()).isEqualTo("203.0.113.0/24");
        assertThat(Cidr.parse("203.0.113.77/24").contains("203.0.113.1")).isTrue();
        assertThat(Cidr.parse("203.0.113.0/24").contains("203.0.114.1")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains("2001:db8::1")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        for (String bad : List.of("300.1.1.1/8", "10.0.0.0/33", "localhost/8", "example.com", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).isInstanceOf(DomainException.class);
        }
    }

    static SessionSighting start(String account, String session, String ip, int minute, @Nullable String employer) {
        return start(account, session, ip, minute, employer, "dev-" + account);
    }

    static SessionSighting start(String account, String session, String ip, int minute, @Nullable String employer, String device) {
        return new SessionSighting(SessionSighting.STARTED, UUID.nameUUIDFromBytes(account.getBytes()), account, session,
                T0.plusSeconds(minute * 60L), ip, device, null, employer);
    }

    static SessionSighting end(String account, String session, int minute, String reason) {
        return new SessionSighting(SessionSighting.ENDED, UUID.nameUUIDFromBytes(account.getBytes()), account, session,
                T0.plusSeconds(minute * 60L + 1), null, null, reason, null);
    }
}
