package io.baeum.contract.playback;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import io.baeum.contract.playback.PlaybackGrant.Credited;
import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.DailyUsage;
import io.baeum.contract.playback.PlaybackGrant.IdentityCheck;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.Positions;
import io.baeum.contract.playback.PlaybackGrant.SecondRange;
import io.baeum.contract.playback.PlaybackGrant.SeekRule;
import io.baeum.contract.playback.PlaybackGrant.StudyPeriod;
import io.baeum.contract.playback.PlaybackGrant.Video;
import io.baeum.common.security.InvalidAccessTokenException;
import io.baeum.common.security.InvalidAccessTokenException.Reason;
import io.baeum.common.security.VerifiedJwt;

/** The claim layout of playback grants and cue passes ({@code docs/playback-grant.md}), both ways. */
final class PlaybackClaims {

    private PlaybackClaims() {
    }

    static JWTClaimsSet grantClaims(PlaybackGrant grant, String issuer, String audience) {
        Policy policy = grant.policy();
        Map<String, Object> policyClaim = new LinkedHashMap<>();
        policyClaim.put("version", policy.version());
        policyClaim.put("credit", policy.creditMode().name());
        policyClaim.put("maxRate", policy.maxPlaybackRate());
        policyClaim.put("seek", policy.seekRule().name());
        policyClaim.put("idCheck", policy.identityCheck() == null ? null
                : map("min", policy.identityCheck().minIntervalSeconds(), "max", policy.identityCheck().maxIntervalSeconds()));
        policyClaim.put("stepUpMaxAge", policy.stepUpMaxAgeSeconds());
        policyClaim.put("dailyCap", policy.dailyLessonCap());
        policyClaim.put("beat", policy.heartbeatIntervalSeconds());
        policyClaim.put("complete", policy.completionThresholdPercent());
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(grant.accountId())
                .jwtID(grant.grantId())
                .issueTime(Date.from(grant.issuedAt()))
                .expirationTime(Date.from(grant.expiresAt()))
                .claim("enr", grant.enrollmentId())
                .claim("crs", grant.courseId())
                .claim("coh", grant.cohortId())
                .claim("lsn", grant.lessonId())
                .claim("video", map("duration", grant.video().durationSeconds(), "recognised", grant.video().recognisedSeconds()))
                .claim("policy", policyClaim)
                .claim("cues", grant.cues().stream().map(c -> map("id", c.id(), "at", c.atSecond(), "passed", c.passed())).toList())
                .claim("pos", map("resume", grant.positions().resumeSecond(), "furthest", grant.positions().furthestSecond()))
                .claim("credited", map("ranges", grant.credited().ranges().stream()
                                .map(r -> List.of(r.fromSecond(), r.toSecond())).toList(),
                        "ms", grant.credited().studyMillis()))
                .claim("period", map("from", grant.studyPeriod().from().toString(), "to", grant.studyPeriod().to().toString(),
                        "zone", grant.studyPeriod().zone()))
                .claim("today", map("date", grant.today().date().toString(), "lessons", grant.today().lessonsStudied(),
                        "thisLesson", grant.today().thisLessonCounted()))
                .build();
    }

    static PlaybackGrant grant(VerifiedJwt jwt) {
        try {
            Node policy = new Node("policy", jwt.object("policy"));
            Node idCheck = policy.optionalObject("idCheck");
            Node video = new Node("video", jwt.object("video"));
            Node pos = new Node("pos", jwt.object("pos"));
            Node credited = new Node("credited", jwt.object("credited"));
            Node period = new Node("period", jwt.object("period"));
            Node today = new Node("today", jwt.object("today"));
            List<CuePoint> cues = new ArrayList<>();
            for (Object cue : list(jwt.claims().getClaim("cues"), "cues")) {
                Node node = new Node("cues[]", asMap(cue, "cues[]"));
                cues.add(new CuePoint(node.text("id"), node.integer("at"), node.bool("passed")));
            }
            List<SecondRange> ranges = new ArrayList<>();
            for (Object range : credited.list("ranges")) {
                List<?> pair = list(range, "credited.ranges[]");
                if (pair.size() != 2) {
                    throw invalid("credited.ranges[] is not a pair");
                }
                ranges.add(new SecondRange(toInt(pair.get(0), "range"), toInt(pair.get(1), "range")));
            }
            return new PlaybackGrant(
                    jwt.text("jti"), jwt.text("sub"), jwt.text("enr"), jwt.text("crs"), jwt.text("coh"), jwt.text("lsn"),
                    new Video(video.integer("duration"), video.integer("recognised")),
                    new Policy(policy.text("version"),
                            policy.enumeration("credit", CreditMode.class),
                            policy.decimal("maxRate"),
                            policy.enumeration("seek", SeekRule.class),
                            idCheck == null ? null : new IdentityCheck(idCheck.integer("min"), idCheck.integer("max")),
                            policy.optionalInteger("stepUpMaxAge"),
                            policy.integer("dailyCap"), policy.integer("beat"), policy.integer("complete")),
                    cues,
                    new Positions(pos.integer("resume"), pos.integer("furthest")),
                    new Credited(ranges, credited.longInteger("ms")),
                    new StudyPeriod(period.date("from"), period.date("to"), period.text("zone")),
                    new DailyUsage(today.date("date"), today.integer("lessons"), today.bool("thisLesson")),
                    jwt.issuedAt(), jwt.expiresAt());
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record refused a value (range, enum, missing field): the grant is unusable
            throw invalid("grant claims violate the contract: " + e.getMessage());
        }
    }

    static JWTClaimsSet cuePassClaims(CuePass pass, String issuer, String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(pass.accountId())
                .jwtID(pass.passId())
                .issueTime(Date.from(pass.issuedAt()))
                .expirationTime(Date.from(pass.expiresAt()))
                .claim("enr", pass.enrollmentId())
                .claim("lsn", pass.lessonId())
                .claim("cue", pass.cueId())
                .build();
    }

    static CuePass cuePass(VerifiedJwt jwt) {
        return new CuePass(jwt.text("jti"), jwt.text("sub"), jwt.text("enr"), jwt.text("lsn"), jwt.text("cue"),
                jwt.issuedAt(), jwt.expiresAt());
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<?> list(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw invalid(name + " is not a list");
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String name) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(name + " is not an object");
        }
        return (Map<String, Object>) map;
    }

    private static int toInt(Object value, String name) {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw invalid(name + " is not an integer");
        }
        return number.intValue();
    }

    private static InvalidAccessTokenException invalid(String message) {
        return new InvalidAccessTokenException(Reason.INVALID_CLAIM, message);
    }

    /** A nested claim object with typed, contract-checking accessors. */
    private record Node(String name, Map<String, Object> values) {

        private Object required(String key) {
            Object value = values.get(key);
            if (value == null) {
                throw new InvalidAccessTokenException(Reason.MISSING_CLAIM, "no " + name + "." + key);
            }
            return value;
        }

        String text(String key) {
            if (!(required(key) instanceof String text) || text.isBlank()) {
                throw invalid(name + "." + key + " is not a non-blank string");
            }
            return text;
        }

        int integer(String key) {
            return toInt(required(key), name + "." + key);
        }

        Integer optionalInteger(String key) {
            return values.get(key) == null ? null : integer(key);
        }

        long longInteger(String key) {
            if (!(required(key) instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                throw invalid(name + "." + key + " is not an integer");
            }
            return number.longValue();
        }

        double decimal(String key) {
            if (!(required(key) instanceof Number number)) {
                throw invalid(name + "." + key + " is not a number");
            }
            return number.doubleValue();
        }

        boolean bool(String key) {
            if (!(required(key) instanceof Boolean bool)) {
                throw invalid(name + "." + key + " is not a boolean");
            }
            return bool;
        }

        LocalDate date(String key) {
            try {
                return LocalDate.parse(text(key));
            } catch (DateTimeParseException e) {
                throw invalid(name + "." + key + " is not an ISO date");
            }
        }

        <E extends Enum<E>> E enumeration(String key, Class<E> type) {
            try {
                return Enum.valueOf(type, text(key));
            } catch (IllegalArgumentException e) {
                throw invalid(name + "." + key + " is not one of the known values");
            }
        }

        List<?> list(String key) {
            return PlaybackClaims.list(required(key), name + "." + key);
        }

        Node optionalObject(String key) {
            Object value = values.get(key);
            return value == null ? null : new Node(name + "." + key, asMap(value, name + "." + key));
        }
    }
}
