package io.baeum.learning.proxystudy.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds proxy-study (대리수강) patterns in session sightings:
 * <ul>
 *   <li>{@link FlagKind#SHARED_IP}: session starts from one address, each within {@code window} of the previous one,
 *       by trainees of at least two parties (employers; a trainee without one is a party alone), unless the address
 *       lies in an allowed network. One suspicion per address, day (Asia/Seoul) and set of accounts.</li>
 *   <li>{@link FlagKind#TWO_DEVICES}: a session ended with {@code CONCURRENT_SESSION} (heartbeat ends the first
 *       session when the account starts a second), and the account's other session started within {@code window}
 *       before that end (the latest such start) from a different device. One suspicion per ended session.</li>
 * </ul>
 */
public final class ProxyStudyDetector {

    public static final String CONCURRENT_SESSION = "CONCURRENT_SESSION";

    /** Heartbeat ends the first session as the second starts: the second's start is at (or a moment around) the end. */
    static final Duration END_SLACK = Duration.ofSeconds(5);

    private final Duration window;
    private final List<Cidr> allowed;
    private final ZoneId zone;

    public ProxyStudyDetector(Duration window, List<Cidr> allowed, ZoneId zone) {
        this.window = Objects.requireNonNull(window);
        this.allowed = List.copyOf(allowed);
        this.zone = zone;
    }

    public boolean allowListed(String ip) {
        return allowed.stream().anyMatch(c -> c.contains(ip));
    }

    public List<Suspicion> detect(List<SessionSighting> sightings) {
        List<SessionSighting> sorted = new ArrayList<>(sightings);
        sorted.sort(Comparator.comparing(SessionSighting::at).thenComparing(SessionSighting::sessionId));
        List<Suspicion> found = new ArrayList<>(sharedAddresses(sorted));
        found.addAll(twoDevices(sorted));
        return found;
    }

    private List<Suspicion> sharedAddresses(List<SessionSighting> sorted) {
        Map<String, List<SessionSighting>> byIp = sorted.stream()
                .filter(s -> s.started() && s.clientIp() != null && !allowListed(s.clientIp()))
                .collect(Collectors.groupingBy(SessionSighting::clientIp, TreeMap::new, Collectors.toList()));
        List<Suspicion> found = new ArrayList<>();
        byIp.forEach((ip, starts) -> {
            List<SessionSighting> group = new ArrayList<>();
            for (SessionSighting start : starts) {
                if (!group.isEmpty() && Duration.between(group.getLast().at(), start.at()).compareTo(window) > 0) {
                    shared(ip, group).ifPresent(found::add);
                    group = new ArrayList<>();
                }
                group.add(start);
            }
            shared(ip, group).ifPresent(found::add);
        });
        return found;
    }

    private java.util.Optional<Suspicion> shared(String ip, List<SessionSighting> group) {
        long parties = group.stream().map(SessionSighting::party).distinct().count();
        if (parties < 2) {
            return java.util.Optional.empty();
        }
        TreeSet<String> accounts = group.stream().map(SessionSighting::accountId).collect(Collectors.toCollection(TreeSet::new));
        String day = group.getFirst().at().atZone(zone).toLocalDate().toString();
        return java.util.Optional.of(new Suspicion(FlagKind.SHARED_IP, "SHARED_IP|" + ip + "|" + day + "|" + String.join(",", accounts),
                ip, accounts, group.stream().map(SessionSighting::enrollmentId).collect(Collectors.toCollection(TreeSet::new)),
                group.stream().map(SessionSighting::sessionId).collect(Collectors.toCollection(TreeSet::new)),
                group.getFirst().at(), group.getLast().at(), group));
    }

    private List<Suspicion> twoDevices(List<SessionSighting> sorted) {
        List<Suspicion> found = new ArrayList<>();
        for (SessionSighting end : sorted) {
            if (end.started() || !CONCURRENT_SESSION.equals(end.endReason())) {
                continue;
            }
            SessionSighting ownStart = sorted.stream()
                    .filter(s -> s.started() && s.sessionId().equals(end.sessionId())).findFirst().orElse(null);
            SessionSighting other = sorted.stream()
                    .filter(s -> s.started() && s.accountId().equals(end.accountId()) && !s.sessionId().equals(end.sessionId())
                            && !s.at().isAfter(end.at().plus(END_SLACK)) && !s.at().isBefore(end.at().minus(window)))
                    .reduce((a, b) -> b).orElse(null);
            if (other == null) {
                continue;
            }
            boolean sameDevice = ownStart != null && ownStart.deviceHash() != null
                    && ownStart.deviceHash().equals(other.deviceHash());
            if (sameDevice) {
                continue;   // two tabs of one browser: not two devices
            }
            List<SessionSighting> evidence = new ArrayList<>();
            if (ownStart != null) {
                evidence.add(ownStart);
            }
            evidence.add(other);
            evidence.add(end);
            evidence.sort(Comparator.comparing(SessionSighting::at));
            found.add(new Suspicion(FlagKind.TWO_DEVICES, "TWO_DEVICES|" + end.sessionId(), other.clientIp(),
                    new TreeSet<>(List.of(end.accountId())),
                    evidence.stream().map(SessionSighting::enrollmentId).collect(Collectors.toCollection(TreeSet::new)),
                    evidence.stream().map(SessionSighting::sessionId).collect(Collectors.toCollection(TreeSet::new)),
                    evidence.getFirst().at(), evidence.getLast().at(), evidence));
        }
        return found;
    }
}
