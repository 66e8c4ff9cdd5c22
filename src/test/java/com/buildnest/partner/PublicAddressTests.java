package com.buildnest.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The address classifier, on IP literals only: no test here asks DNS. */
class PublicAddressTests {

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "13.107.42.14", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0", "198.17.255.255",
            "198.20.0.0", "223.255.255.255", "11.0.0.1", "126.255.255.255", "128.0.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2400:cb00::1", "2002:808:808::1" })
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertThat(PublicAddress.isPublic(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // loopback, "this network", unspecified
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3",
            // private
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255",
            // link-local, with the cloud metadata service
            "169.254.0.1", "169.254.169.254",
            // carrier-grade NAT
            "100.64.0.1", "100.127.255.255",
            // protocol assignments, documentation, benchmarking, 6to4 relay
            "192.0.0.170", "192.0.2.1", "198.51.100.7", "203.0.113.7", "198.18.0.1", "198.19.255.255",
            "192.88.99.1",
            // multicast, reserved, broadcast
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255" })
    void privateAndSpecialIpv4AddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(PublicAddress.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1",
            // IPv4-compatible (deprecated) and NAT64 forms of private addresses, discard-only
            "::127.0.0.1", "::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "100::1",
            // documentation, Teredo and other protocol assignments
            "2001:db8::1", "3fff::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            // 6to4 of private, loopback and metadata addresses
            "2002:7f00:1::1", "2002:a00:1::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::1" })
    void privateAndSpecialIpv6AddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(PublicAddress.isPublic(InetAddress.getByName(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.1.1", "100.64.1.1", "0.0.0.0" })
    void ipv4MappedIpv6FormsOfPrivateAddressesAreRefusedHoweverTheyAreBuilt(String v4) throws UnknownHostException {
        // Java turns "::ffff:a.b.c.d" into an Inet4Address; raw bytes make a real Inet6Address.
        assertThat(PublicAddress.isPublic(InetAddress.getByName("::ffff:" + v4))).isFalse();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, mapped, 12, 4);
        Inet6Address inet6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(PublicAddress.isPublic(inet6)).as("::ffff:" + v4 + " as Inet6Address").isFalse();
    }

    @Test
    void anIpv4MappedPublicAddressIsPublic() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName("8.8.4.4").getAddress(), 0, mapped, 12, 4);

        assertThat(PublicAddress.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }
}
