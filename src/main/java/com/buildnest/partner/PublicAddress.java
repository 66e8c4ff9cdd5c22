package com.buildnest.partner;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether an IP address is on the public internet, the only place a webhook may go when private
 * targets are not allowed. IPv4 is public unless it is in one of IANA's special-purpose ranges that
 * are not globally reachable (private, loopback, link-local with the cloud metadata address,
 * carrier-grade NAT, documentation, benchmarking, multicast, reserved, "this network"). IPv6 is
 * public only inside global unicast {@code 2000::/3} and outside its special ranges; an IPv6
 * address that carries an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo) is judged by the
 * IPv4 address inside it, or refused where that cannot be trusted.
 */
final class PublicAddress {

    private static final List<Range> NOT_PUBLIC_V4 = List.of(
            Range.v4("0.0.0.0", 8),         // "this network"
            Range.v4("10.0.0.0", 8),        // private
            Range.v4("100.64.0.0", 10),     // carrier-grade NAT
            Range.v4("127.0.0.0", 8),       // loopback
            Range.v4("169.254.0.0", 16),    // link-local, incl. 169.254.169.254 (cloud metadata)
            Range.v4("172.16.0.0", 12),     // private
            Range.v4("192.0.0.0", 24),      // IETF protocol assignments
            Range.v4("192.0.2.0", 24),      // documentation (TEST-NET-1)
            Range.v4("192.88.99.0", 24),    // 6to4 relay anycast (deprecated)
            Range.v4("192.168.0.0", 16),    // private
            Range.v4("198.18.0.0", 15),     // benchmarking
            Range.v4("198.51.100.0", 24),   // documentation (TEST-NET-2)
            Range.v4("203.0.113.0", 24),    // documentation (TEST-NET-3)
            Range.v4("224.0.0.0", 4),       // multicast
            Range.v4("240.0.0.0", 4));      // reserved, incl. 255.255.255.255 broadcast

    private static final Range GLOBAL_UNICAST_V6 = Range.v6("2000::", 3);
    private static final List<Range> NOT_PUBLIC_V6 = List.of(
            Range.v6("2001::", 23),         // IETF protocol assignments, incl. Teredo 2001::/32
            Range.v6("2001:db8::", 32),     // documentation
            Range.v6("3fff::", 20));        // documentation (RFC 9637)
    private static final Range SIX_TO_FOUR = Range.v6("2002::", 16);
    // Outside 2000::/3, so refused anyway; listed to say why an embedded IPv4 address is not consulted.
    private static final Range NAT64 = Range.v6("64:ff9b::", 96);

    private PublicAddress() {
    }

    /** Whether {@code address} is a public unicast address that a webhook may be sent to. */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return NOT_PUBLIC_V4.stream().noneMatch(range -> range.contains(bytes));
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(bytes);
        }
        return false;
    }

    private static boolean isPublicV6(byte[] bytes) {
        if (isMappedV4(bytes)) {
            return isPublic(v4(bytes, 12)); // ::ffff:a.b.c.d is a.b.c.d
        }
        if (!GLOBAL_UNICAST_V6.contains(bytes) || NAT64.contains(bytes)) {
            return false; // ::1, ::, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 64:ff9b::/96, 100::/64, ...
        }
        if (NOT_PUBLIC_V6.stream().anyMatch(range -> range.contains(bytes))) {
            return false;
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return isPublic(v4(bytes, 2)); // 2002:AABB:CCDD::/48 routes to AA.BB.CC.DD
        }
        return true;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress v4(byte[] bytes, int from) {
        byte[] v4 = { bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3] };
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A network prefix: the address bytes and how many leading bits count. */
    private record Range(byte[] network, int bits) {

        static Range v4(String literal, int bits) {
            return new Range(literal(literal), bits);
        }

        static Range v6(String literal, int bits) {
            return new Range(literal(literal), bits);
        }

        private static byte[] literal(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress(); // literals only: never asks DNS
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
