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
