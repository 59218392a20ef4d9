package io.baeum.contract.playback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.playback.PlaybackGrant.Credited;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.DailyUsage;
import io.baeum.contract.playback.PlaybackGrant.IdentityCheck;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.Positions;
import io.baeum.contract.playback.PlaybackGrant.SecondRange;
import io.baeum.contract.playback.PlaybackGrant.SeekRule;
import io.baeum.contract.playback.PlaybackGrant.StudyPeriod;
import io.baeum.contract.playback.PlaybackGrant.Video;

/** Object Mother of playback grants; {@link #golden()} is the grant of the documented test vector. */
final class PlaybackGrants {

    static final Instant ISSUED = Instant.parse("2026-03-10T00:00:00Z");

    private PlaybackGrants() {
    }

    static PlaybackGrant golden() {
        return new PlaybackGrant("grant-0001", "acct-42", "enr-7", "crs-3", "coh-1", "lsn-12",
                new Video(600, 600),
                new Policy("SAEOPJU@2026-01-01#1", CreditMode.COVERAGE, 1.5, SeekRule.WATCHED_ONLY,
                        new IdentityCheck(600, 1200), 86_400, 8, 10, 80),
                List.of(new CuePoint("cue-a", 120, true), new CuePoint("cue-b", 480, false)),
                new Positions(300, 360),
                new Credited(List.of(new SecondRange(0, 120), new SecondRange(200, 360)), 0),
                new StudyPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-04-30"), "Asia/Seoul"),
                new DailyUsage(LocalDate.parse("2026-03-10"), 3, false),
                ISSUED, ISSUED.plusSeconds(300));
    }

    static PlaybackGrant timeModeWithoutChecks() {
        return new PlaybackGrant("grant-0002", "acct-43", "enr-8", "crs-3", "coh-2", "lsn-1",
                new Video(1_800, 1_500),
                new Policy("NAEIL@2026-01-01#2", CreditMode.TIME, 1.0, SeekRule.FREE, null, null, 8, 15, 100),
                List.of(),
                new Positions(0, 0),
                new Credited(List.of(), 754_000),
                new StudyPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"), "Asia/Seoul"),
                new DailyUsage(LocalDate.parse("2026-03-02"), 0, true),
                ISSUED, ISSUED.plusSeconds(120));
    }
}
