package io.baeum.heartbeat.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.playback.PlaybackGrant.Credited;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.DailyUsage;
import io.baeum.contract.playback.PlaybackGrant.IdentityCheck;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.Positions;
import io.baeum.contract.playback.PlaybackGrant.SeekRule;
import io.baeum.contract.playback.PlaybackGrant.StudyPeriod;
import io.baeum.contract.playback.PlaybackGrant.Video;

/** Object mother for playback grants: a 600 s lesson, coverage mode, max rate 1.5, watched-only seeking. */
public final class PlaybackGrants {

    /** 2026-03-10 09:00 in Seoul. */
    public static final Instant ISSUED = Instant.parse("2026-03-10T00:00:00Z");

    private String grantId = "grant-1";
    private String accountId = "acct-1";
    private String lessonId = "lsn-1";
    private int duration = 600;
    private int recognised = 600;
    private CreditMode mode = CreditMode.COVERAGE;
    private double maxRate = 1.5;
    private SeekRule seek = SeekRule.WATCHED_ONLY;
    private IdentityCheck identityCheck;
    private Integer stepUpMaxAge;
    private int dailyCap = 8;
    private int beat = 10;
    private List<CuePoint> cues = List.of();
    private int resume;
    private int furthest;
    private DailyUsage today = new DailyUsage(LocalDate.parse("2026-03-10"), 0, false);
    private StudyPeriod period = new StudyPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-04-30"), "Asia/Seoul");
    private Instant issuedAt = ISSUED;

    public static PlaybackGrants aGrant() {
        return new PlaybackGrants();
    }

    public PlaybackGrants id(String id) { this.grantId = id; return this; }
    public PlaybackGrants account(String id) { this.accountId = id; return this; }
    public PlaybackGrants lesson(String id) { this.lessonId = id; return this; }
    public PlaybackGrants video(int duration, int recognised) { this.duration = duration; this.recognised = recognised; return this; }
    public PlaybackGrants timeMode() { this.mode = CreditMode.TIME; return this; }
    public PlaybackGrants maxRate(double rate) { this.maxRate = rate; return this; }
    public PlaybackGrants freeSeeking() { this.seek = SeekRule.FREE; return this; }
    public PlaybackGrants identityChecks(int min, int max) { this.identityCheck = new IdentityCheck(min, max); return this; }
    public PlaybackGrants stepUpWithin(int seconds) { this.stepUpMaxAge = seconds; return this; }
    public PlaybackGrants dailyCap(int cap) { this.dailyCap = cap; return this; }
    public PlaybackGrants cues(CuePoint... cues) { this.cues = List.of(cues); return this; }
    public PlaybackGrants positions(int resume, int furthest) { this.resume = resume; this.furthest = furthest; return this; }
    public PlaybackGrants today(LocalDate date, int lessons, boolean thisLesson) { this.today = new DailyUsage(date, lessons, thisLesson); return this; }
    public PlaybackGrants period(LocalDate from, LocalDate to) { this.period = new StudyPeriod(from, to, "Asia/Seoul"); return this; }
    public PlaybackGrants issuedAt(Instant at) { this.issuedAt = at; return this; }

    public PlaybackGrant build() {
        return new PlaybackGrant(grantId, accountId, "enr-1", "crs-1", "coh-1", lessonId,
                new Video(duration, recognised),
                new Policy("SAEOPJU@2026-01-01#1", mode, maxRate, seek, identityCheck, stepUpMaxAge, dailyCap, beat, 80),
                cues, new Positions(resume, furthest), new Credited(List.of(), 0), period, today,
                issuedAt, issuedAt.plusSeconds(300));
    }
}
