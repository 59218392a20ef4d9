package io.baeum.contract.progress;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.baeum.contract.progress.ProgressEventKind.ChallengeKind;
import io.baeum.contract.progress.ProgressEventKind.ChallengeOutcome;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.CreditRefused;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;

/** Object Mother for progress batches and the documented test keys (docs/wire-format.md). */
final class ProgressBatches {

    static final ProgressKey CURRENT_KEY = new ProgressKey("progress-2026-03",
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

    static final ProgressKey PREVIOUS_KEY = new ProgressKey("progress-2025-09",
            HexFormat.of().parseHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"));

    private ProgressBatches() {
    }

    static ProgressKeyRing ringWithPrevious() {
        return ProgressKeyRing.of(CURRENT_KEY, PREVIOUS_KEY);
    }

    /** The golden batch: one event of every kind, every field set. */
    static ProgressBatch golden() {
        long t = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        return new ProgressBatch("heartbeat-7f9c4b", t + 5_000, UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"),
                List.of(
                        event("00000000-0000-4000-8000-000000000001", t, new SessionStarted("203.0.113.7",
                                HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                                "Mozilla/5.0 (X11; Linux x86_64)")),
                        event("00000000-0000-4000-8000-000000000002", t + 1_000, new WatchCredited(120, 150, 30_000, 150)),
                        event("00000000-0000-4000-8000-000000000003", t + 2_000, new CreditRefused("SEEK_AHEAD", 900, 15_000)),
                        event("00000000-0000-4000-8000-000000000004", t + 3_000,
                                new ChallengeResolved("chl-42", ChallengeKind.CUE_QUIZ, ChallengeOutcome.PASSED)),
                        event("00000000-0000-4000-8000-000000000005", t + 4_000, new SessionEnded("ENDED", 905))));
    }

    private static ProgressEvent event(String id, long at, ProgressEventKind kind) {
        return new ProgressEvent(UUID.fromString(id), at, "acc-1001", "enr-2002", "lsn-3003", "pbs-4004", kind);
    }

    static ProgressBatch random(Random random) {
        int count = random.nextInt(40);
        List<ProgressEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(randomEvent(random));
        }
        return new ProgressBatch(text(random, 1, 128), random.nextLong(0, Long.MAX_VALUE),
                new UUID(random.nextLong(), random.nextLong()), events);
    }

    static ProgressEvent randomEvent(Random random) {
        return new ProgressEvent(new UUID(random.nextLong(), random.nextLong()), random.nextLong(0, Long.MAX_VALUE),
                text(random, 1, 128), text(random, 1, 128), text(random, 1, 128), text(random, 1, 128),
                randomKind(random));
    }

    private static ProgressEventKind randomKind(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                int from = random.nextInt(0, Integer.MAX_VALUE - 1);
                yield new WatchCredited(from, random.nextInt(from + 1, Integer.MAX_VALUE), random.nextLong(0, Long.MAX_VALUE),
                        random.nextInt(0, Integer.MAX_VALUE));
            }
            case 1 -> new CreditRefused(text(random, 1, 64), random.nextInt(0, Integer.MAX_VALUE), random.nextLong(0, Long.MAX_VALUE));
            case 2 -> new ChallengeResolved(text(random, 1, 128),
                    ChallengeKind.values()[random.nextInt(ChallengeKind.values().length)],
                    ChallengeOutcome.values()[random.nextInt(ChallengeOutcome.values().length)]);
            case 3 -> {
                byte[] fingerprint = new byte[random.nextInt(1, 65)];
                random.nextBytes(fingerprint);
                yield new SessionStarted(text(random, 1, 64), fingerprint, random.nextBoolean() ? null : text(random, 0, 512));
            }
            default -> new SessionEnded(text(random, 1, 64), random.nextInt(0, Integer.MAX_VALUE));
        };
    }

    /** Random text mixing ASCII, Hangul and a supplementary-plane character, never an unpaired surrogate. */
    static String text(Random random, int minLength, int maxLength) {
        int target = random.nextInt(minLength, maxLength + 1);
        StringBuilder text = new StringBuilder(target);
        while (text.length() < target) {
            int pick = random.nextInt(10);
            if (pick < 7) {
                text.append((char) random.nextInt(0x20, 0x7F));
            }
            else if (pick < 9) {
                text.append((char) random.nextInt(0xAC00, 0xD7A4));
            }
            else if (text.length() + 2 <= target) {
                text.appendCodePoint(0x1F600 + random.nextInt(0x40));
            }
        }
        return text.toString();
    }
}
