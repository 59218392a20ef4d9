package io.baeum.heartbeat.emission;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEvent;

/**
 * How a progress event is kept in the Redis backlog: the v1 protobuf of a one-event batch, base64 —
 * the same schema as on the wire, so nothing new to version.
 */
public final class BacklogEncoding {

    private static final ProgressBatchV1Codec CODEC = new ProgressBatchV1Codec();
    private static final UUID NO_BATCH = new UUID(0, 0);

    private BacklogEncoding() {
    }

    public static String encode(ProgressEvent event) {
        return Base64.getEncoder().encodeToString(CODEC.encode(new ProgressBatch("backlog", 0, NO_BATCH, List.of(event))));
    }

    public static ProgressEvent decode(String value) {
        return CODEC.decode(ProgressBatchV1Codec.VERSION, Base64.getDecoder().decode(value)).events().getFirst();
    }
}
