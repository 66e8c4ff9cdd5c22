package com.buildnest.platform.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which address a request really comes from. The direct peer is the client unless it is one of
 * the configured trusted proxies ({@code buildnest.platform.throttle.trusted-proxies}); only then
 * is {@code X-Forwarded-For} read, from the right, skipping further trusted proxies, and the first
 * address that is not one of them is the client. Entries left of that were written by the client
 * and could say anything, so they are never looked at. An entry that is not an IP address stops the
 * walk at the last address known to be real, so a client can never choose its own address.
 */
public final class ClientAddress {

    /**
     * Request attribute set to {@code true} when the request reached Tomcat through a trusted proxy
     * (with {@code server.forward-headers-strategy: native}), read before the proxy's headers replace
     * the peer address and scheme.
     */
    public static final String VIA_TRUSTED_PROXY = "com.buildnest.platform.via-trusted-proxy";

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int IPV6_NETWORK_BYTES = 8;

    private final List<Cidr> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /** The client's IP address as text, IPv6 in its full form ({@code 2001:db8:0:0:0:0:0:1}). */
    public String of(HttpServletRequest request) {
        return resolve(request).map(InetAddress::getHostAddress).orElse(request.getRemoteAddr());
    }

    /**
     * The client's address as a throttling key: the IPv4 address, or the /64 network of an IPv6
     * address, since one IPv6 customer line is given a whole /64 to pick addresses from.
     */
    public String throttleKey(HttpServletRequest request) {
        Optional<InetAddress> client = resolve(request);
        if (client.isEmpty()) {
            return request.getRemoteAddr();
        }
        if (client.get() instanceof Inet6Address ipv6) {
            return network64(ipv6);
        }
        return client.get().getHostAddress();
    }

    private Optional<InetAddress> resolve(HttpServletRequest request) {
        Optional<InetAddress> peer = IpLiteral.parse(request.getRemoteAddr());
        if (peer.isEmpty() || !trusted(peer.get())) {
            return peer;
        }
        InetAddress client = peer.get();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.of(client);
            }
            client = hop.get();
            if (!trusted(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client); // every hop was a trusted proxy: the leftmost is all we know
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** All entries of every X-Forwarded-For header, in order; several headers count as one list. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop);
            }
        }
        return hops;
    }

    private static String network64(Inet6Address address) {
        byte[] network = Arrays.copyOf(address.getAddress(), IPV6_NETWORK_BYTES);
        try {
            return InetAddress.getByAddress(Arrays.copyOf(network, 16)).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // only thrown for a wrong array length
        }
    }
}
