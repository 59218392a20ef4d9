package io.baeum.learning.proxystudy.domain;

import java.math.BigInteger;
import java.util.Optional;

import io.baeum.common.error.DomainException;

/**
 * An IPv4 or IPv6 network ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). Addresses are parsed as literals only
 * (never resolved as host names).
 */
public record Cidr(byte[] network, int prefix) {

    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash))
                .orElseThrow(() -> invalid(text));
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (prefix < 0 || prefix > bits) {
            throw invalid(text);
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    /** Whether the address (an IP literal; anything else is not contained) lies in this network. */
    public boolean contains(String ip) {
        return literal(ip).filter(a -> a.length == network.length)
                .map(a -> java.util.Arrays.equals(mask(a, prefix), network)).orElse(false);
    }

    @Override
    public String toString() {
        try {
            return java.net.InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    /** The bytes of an IPv4 dotted quad or an IPv6 literal; empty for anything else (host names included). */
    static Optional<byte[]> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] out = new byte[4];
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return Optional.empty();
                }
                out[i] = (byte) v;
            }
            return Optional.of(out);
        }
        if (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                // a literal with only hex digits, colons and dots is never looked up as a name
                byte[] bytes = java.net.InetAddress.getByName(s).getAddress();
                return Optional.of(bytes);
            } catch (java.net.UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] mask(byte[] address, int prefix) {
        int bits = address.length * 8;
        BigInteger value = new BigInteger(1, address);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        byte[] raw = value.and(mask).toByteArray();
        byte[] out = new byte[address.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }

    private static DomainException invalid(String text) {
        return DomainException.invalid("INVALID_CIDR", "not a network in CIDR notation: " + text, text);
    }
}
