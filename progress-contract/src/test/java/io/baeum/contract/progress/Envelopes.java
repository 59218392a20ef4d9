package io.baeum.contract.progress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.luben.zstd.Zstd;

/** Crafts binary envelopes field by field, validly signed, to reach each check behind the MAC. */
final class Envelopes {

    private Envelopes() {
    }

    static byte[] build(int envelopeVersion, String keyId, int payloadType, int payloadVersion, long declaredLength,
            byte[] compressed, byte[] secret) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'B', 'A', 'E', 'M'});
        out.write(envelopeVersion);
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        out.write(id.length);
        out.writeBytes(id);
        out.write(payloadType);
        out.write(payloadVersion >>> 8);
        out.write(payloadVersion);
        out.write((int) (declaredLength >>> 24));
        out.write((int) (declaredLength >>> 16));
        out.write((int) (declaredLength >>> 8));
        out.write((int) declaredLength);
        out.writeBytes(compressed);
        out.writeBytes(new byte[ProgressEnvelopeCodec.MAC_LENGTH]);
        return resign(out.toByteArray(), secret);
    }

    /** A progress batch v1 envelope with every field under the caller's control. */
    static byte[] progress(byte[] payload, long declaredLength, ProgressKey key, byte[] secret) {
        return build(1, key.id(), ProgressBatchV1Codec.PAYLOAD_TYPE, 1, declaredLength, Zstd.compress(payload, 3), secret);
    }

    /** Recomputes the trailing HMAC, as a producer holding the key would. */
    static byte[] resign(byte[] envelope, byte[] secret) {
        byte[] copy = envelope.clone();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(copy, 0, copy.length - 32);
            byte[] tag = mac.doFinal();
            System.arraycopy(tag, 0, copy, copy.length - 32, 32);
            return copy;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static int headerLength(String keyId) {
        return 4 + 1 + 1 + keyId.length() + 1 + 2 + 4;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
