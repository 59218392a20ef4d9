package io.baeum.heartbeat.playback.state;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.DailyUsage;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.StudyPeriod;
import io.baeum.heartbeat.playback.domain.Challenge;
import io.baeum.heartbeat.playback.domain.Coverage;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.playback.domain.PlayerState;
import io.baeum.heartbeat.playback.domain.Visibility;

/**
 * A session in Redis is two values (layout in {@code docs/heartbeat.md}): its <em>terms</em>, fixed when
 * it opens (ids, policy, cues, study period, the grant's day: JSON, written once, cached per instance),
 * and its <em>progress</em>, rewritten by every beat in a compact text form of a few hundred bytes
 * instead of the ~1.5 KB JSON of the whole session: {@code p1|<field>|<field>|...} in the order of
 * {@link #encodeProgress}. Cue ids and seconds are terms; which cues are passed is progress.
 */
final class SessionStateCodec {

    static final String PROGRESS_VERSION = "p1";
    private static final char SEPARATOR = '|';

    /** What a session cannot change after it opened. */
    record Terms(String id, String accountId, String enrollmentId, String courseId, String lessonId, String grantId,
                 int durationSeconds, int recognisedSeconds, Policy policy, List<Cue> cues, StudyPeriod studyPeriod,
                 DailyUsage grantDay, long startedAtMs) {

        /** A cue point without its passed flag. */
        record Cue(String id, int atSecond) {
        }

        static Terms of(PlaybackSession s) {
            List<Cue> cues = new ArrayList<>(s.cues().size());
            for (CuePoint cue : s.cues()) {
                cues.add(new Cue(cue.id(), cue.atSecond()));
            }
            PlaybackSession.Terms t = s.terms();
            return new Terms(t.id(), t.accountId(), t.enrollmentId(), t.courseId(), t.lessonId(), t.grantId(),
                    t.durationSeconds(), t.recognisedSeconds(), t.policy(), List.copyOf(cues), t.studyPeriod(),
                    t.grantDay(), t.startedAtMs());
        }

        PlaybackSession.Terms domain() {
            return new PlaybackSession.Terms(id, accountId, enrollmentId, courseId, lessonId, grantId, durationSeconds,
                    recognisedSeconds, policy, studyPeriod, grantDay, startedAtMs);
        }
    }

    private final JsonMapper json;

    SessionStateCodec(JsonMapper json) {
        this.json = json;
    }

    String encodeTerms(Terms terms) {
        return json.writeValueAsString(terms);
    }

    Terms decodeTerms(String text) {
        return json.readValue(text, Terms.class);
    }

    static String encodeProgress(PlaybackSession s) {
        StringBuilder out = new StringBuilder(160).append(PROGRESS_VERSION);
        field(out).append(switch (s.status()) {
            case ACTIVE -> 'A';
            case ENDED -> 'E';
            case TERMINATED -> 'T';
        });
        text(field(out), s.endReason());
        field(out).append(s.lastSequence());
        field(out).append(s.lastServerMs());
        field(out).append(s.lastPosition());
        field(out).append(s.lastState().name());
        field(out).append(s.lastVisibility().name());
        field(out).append(s.lastRate());
        field(out).append(s.segmentStartMs());
        field(out).append(s.segmentCredited());
        field(out).append(s.segmentCreditedSeconds());
        field(out).append(s.furthest());
        field(out);
        List<Coverage.Span> spans = s.coverage().spans();
        for (int i = 0; i < spans.size(); i++) {
            out.append(i == 0 ? "" : ",").append(spans.get(i).from()).append('-').append(spans.get(i).to());
        }
        field(out).append(s.studyMillis());
        field(out).append(s.checks().playbackMsSinceCheck());
        field(out).append(s.checks().nextCheckAfterMs());
        field(out);
        Challenge challenge = s.pendingChallenge();
        if (challenge != null) {
            text(out, challenge.id()).append(',').append(challenge.kind() == Challenge.Kind.STEP_UP ? 'S' : 'P')
                    .append(',').append(challenge.issuedAtMs()).append(',');
            text(out, challenge.code());
        }
        field(out);
        for (CuePoint cue : s.cues()) {
            out.append(cue.passed() ? '1' : '0');
        }
        return out.toString();
    }

    static PlaybackSession decode(Terms t, long version, String progress) {
        Reader in = new Reader(progress);
        if (!in.next().equals(PROGRESS_VERSION)) {
            throw new IllegalStateException("unknown session progress format");
        }
        PlaybackSession.Status status = switch (in.next()) {
            case "A" -> PlaybackSession.Status.ACTIVE;
            case "E" -> PlaybackSession.Status.ENDED;
            case "T" -> PlaybackSession.Status.TERMINATED;
            default -> throw new IllegalStateException("unknown session status");
        };
        String endReason = blankToNull(in.next());
        long lastSequence = Long.parseLong(in.next());
        long lastServerMs = Long.parseLong(in.next());
        double lastPosition = Double.parseDouble(in.next());
        PlayerState lastState = PlayerState.valueOf(in.next());
        Visibility lastVisibility = Visibility.valueOf(in.next());
        double lastRate = Double.parseDouble(in.next());
        long segmentStartMs = Long.parseLong(in.next());
        double segmentCredited = Double.parseDouble(in.next());
        int segmentCreditedSeconds = Integer.parseInt(in.next());
        double furthest = Double.parseDouble(in.next());
        Coverage coverage = coverage(in.next());
        long studyMillis = Long.parseLong(in.next());
        long playbackMsSinceCheck = Long.parseLong(in.next());
        long nextCheckAfterMs = Long.parseLong(in.next());
        Challenge challenge = challenge(in.next());
        String passed = in.next();
        if (passed.length() != t.cues().size()) {
            throw new IllegalStateException("session progress does not match its cues");
        }
        List<CuePoint> cues = new ArrayList<>(t.cues().size());
        for (int i = 0; i < t.cues().size(); i++) {
            Terms.Cue cue = t.cues().get(i);
            cues.add(new CuePoint(cue.id(), cue.atSecond(), passed.charAt(i) == '1'));
        }
        return new PlaybackSession(t.domain(), cues, status, endReason, version,
                new PlaybackSession.LastBeat(lastSequence, lastServerMs, lastPosition, lastState, lastVisibility, lastRate),
                new PlaybackSession.Segment(segmentStartMs, segmentCredited, segmentCreditedSeconds),
                new PlaybackSession.Credited(furthest, coverage, studyMillis),
                new PlaybackSession.IdentityChecks(playbackMsSinceCheck, nextCheckAfterMs, challenge));
    }

    private static Coverage coverage(String text) {
        if (text.isEmpty()) {
            return Coverage.empty();
        }
        List<Coverage.Span> spans = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            int dash = text.indexOf('-', start);
            spans.add(new Coverage.Span(Integer.parseInt(text, start, dash, 10), Integer.parseInt(text, dash + 1, end, 10)));
            start = end + 1;
        }
        return new Coverage(spans);
    }

    private static @Nullable Challenge challenge(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        Challenge.Kind kind = "S".equals(parts[1]) ? Challenge.Kind.STEP_UP : Challenge.Kind.PRESENCE_CODE;
        return new Challenge(parts[0], kind, blankToNull(parts[3]), Long.parseLong(parts[2]));
    }

    private static StringBuilder field(StringBuilder out) {
        return out.append(SEPARATOR);
    }

    /** Free text in the progress comes from the judge (reasons, generated ids, digit codes): never empty or a separator. */
    private static StringBuilder text(StringBuilder out, @Nullable String value) {
        if (value == null) {
            return out;
        }
        if (value.isEmpty() || value.indexOf(SEPARATOR) >= 0 || value.indexOf(',') >= 0) {
            throw new IllegalArgumentException("session progress text must be non-empty without '|' or ','");
        }
        return out.append(value);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Splits on the separator without regular expressions or an intermediate array. */
    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        String next() {
            if (position > text.length()) {
                throw new IllegalStateException("session progress is truncated");
            }
            int end = text.indexOf(SEPARATOR, position);
            if (end < 0) {
                end = text.length();
            }
            String value = text.substring(position, end);
            position = end + 1;
            return value;
        }
    }
}
