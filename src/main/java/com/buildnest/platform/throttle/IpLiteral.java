package com.buildnest.platform.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an IP address written as text, as it appears in {@code X-Forwarded-For} or a peer address,
 * without ever asking DNS: {@link InetAddress#getByName} would resolve a host name that a client
 * put into a header, and it accepts odd IPv4 forms such as {@code 1.2.3}.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int LONGEST_IPV6 = 45;

    private IpLiteral() {
    }

    /**
     * The address in {@code text}: dotted IPv4, IPv6 (bare or in brackets), either with a port
     * appended as some proxies write it; empty for anything else, host names included.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        Matcher withPort = IPV4_WITH_PORT.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(candidate);
        if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        int zone = candidate.indexOf('%');
        if (zone > 0 && candidate.indexOf(':') >= 0) {
            candidate = candidate.substring(0, zone); // fe80::1%eth0: the zone names our own interface
        }
        Matcher ipv4 = IPV4.matcher(candidate);
        if (ipv4.matches()) {
            return ipv4(ipv4);
        }
        if (candidate.length() <= LONGEST_IPV6 && IPV6.matcher(candidate).matches()) {
            return ipv6(candidate);
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> ipv4(Matcher octets) {
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(octets.group(i + 1));
            if (octet > 255) {
                return Optional.empty();
            }
            address[i] = (byte) octet;
        }
        return byAddress(address);
    }

    private static Optional<InetAddress> ipv6(String literal) {
        try {
            // Text with a colon is only ever parsed as an IPv6 literal, never looked up.
            // An IPv4-mapped address (::ffff:192.0.2.1) comes back as the IPv4 address.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] address) {
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException impossible) {
            return Optional.empty(); // only thrown for a wrong array length
        }
    }
}
