package com.buildnest.platform.throttle;

import java.net.InetAddress;

/** A range of IP addresses, {@code 10.0.0.0/8} or {@code fd00::/8}; a single address is a full-length range. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            throw invalid(text);
        }
        InetAddress address = IpLiteral.parse(parts[0]).orElseThrow(() -> invalid(text));
        byte[] network = address.getAddress();
        int prefixLength = network.length * 8;
        if (parts.length == 2) {
            try {
                prefixLength = Integer.parseInt(parts[1]);
            } catch (NumberFormatException notANumber) {
                throw invalid(text);
            }
            if (prefixLength < 0 || prefixLength > network.length * 8) {
                throw invalid(text);
            }
        }
        return new Cidr(network, prefixLength);
    }

    /** The range as {@code address/prefix}, a single address included ({@code 10.0.0.5/32}). */
    String text() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // only thrown for a wrong array length
        }
    }

    /** Whether the range takes in every address of its family ({@code 0.0.0.0/0}, {@code ::/0}). */
    boolean everything() {
        return prefixLength == 0;
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false; // an IPv4 range never contains an IPv6 address, nor the other way round
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("buildnest.platform.throttle.trusted-proxies: '" + text
                + "' is not an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8");
    }
}
