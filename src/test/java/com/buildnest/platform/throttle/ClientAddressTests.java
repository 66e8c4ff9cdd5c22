package com.buildnest.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a request comes from: X-Forwarded-For is believed only as far as trusted proxies wrote it. */
class ClientAddressTests {

    private final ClientAddress behindOurProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8"));

    @Test
    void noProxyIsTrustedByDefaultSoThePeerIsTheClient() {
        ClientAddress byDefault = new ClientAddress(List.of());
        assertThat(byDefault.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
        assertThat(byDefault.of(request("10.0.0.5", "198.51.100.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void untrustedPeerIsTheClientWhateverForwardedForSays() {
        assertThat(behindOurProxies.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(behindOurProxies.of(request("203.0.113.7", "10.0.0.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void trustedPeerWithoutForwardedForIsItselfTheClient() {
        assertThat(behindOurProxies.of(request("10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void trustedProxyChainIsWalkedFromTheRightToTheFirstUntrustedHop() {
        assertThat(behindOurProxies.of(request("10.0.0.5", "203.0.113.9, 192.168.1.10, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void spoofedEntriesLeftOfTheClientAreIgnored() {
        assertThat(behindOurProxies.of(request("10.0.0.5", "1.1.1.1, 8.8.8.8, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // A client pretending to come through one of our proxies gains nothing either.
        assertThat(behindOurProxies.of(request("10.0.0.5", "10.9.9.9, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void severalForwardedForHeadersCountAsOneList() {
        MockHttpServletRequest request = request("10.0.0.5");
        request.addHeader(ClientAddress.FORWARDED_FOR, "1.1.1.1, 203.0.113.9");
        request.addHeader(ClientAddress.FORWARDED_FOR, "10.1.1.1");
        assertThat(behindOurProxies.of(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void chainOfOnlyTrustedProxiesGivesTheLeftmost() {
        assertThat(behindOurProxies.of(request("10.0.0.5", "10.1.1.1, 10.2.2.2"))).isEqualTo("10.1.1.1");
    }

    @Test
    void ipv6ClientBehindAnIpv6ProxyIsFoundAndKeyedByItsNetwork() {
        MockHttpServletRequest request = request("fd12:3456::1", "2001:db8:abcd:12:34::5");
        assertThat(behindOurProxies.of(request)).isEqualTo("2001:db8:abcd:12:34:0:0:5");
        assertThat(behindOurProxies.throttleKey(request)).isEqualTo("2001:db8:abcd:12:0:0:0:0/64");
    }

    @Test
    void ipv4ClientIsKeyedByItsAddress() {
        assertThat(behindOurProxies.throttleKey(request("10.0.0.5", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void loopbackPeerAsTomcatWritesItCanBeTrusted() {
        ClientAddress behindLocalProxy = new ClientAddress(List.of("127.0.0.1", "::1"));
        assertThat(behindLocalProxy.of(request("0:0:0:0:0:0:0:1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindLocalProxy.of(request("127.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void addressesWithPortsBracketsOrIpv4MappingAreRead() {
        assertThat(behindOurProxies.of(request("10.0.0.5", "203.0.113.9:51234"))).isEqualTo("203.0.113.9");
        assertThat(behindOurProxies.of(request("10.0.0.5", "[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindOurProxies.of(request("10.0.0.5", " [2001:db8::7] "))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindOurProxies.of(request("10.0.0.5", "::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @ParameterizedTest
    @ValueSource(strings = { "unknown", "", " ", "999.1.1.1", "1.2.3", "localhost", "evil.example.com",
            "<script>alert(1)</script>", "2001:db8::zz", "::ffff:999.0.0.1", "1.2.3.4.5", "_hidden",
            "1::2::3", "\"203.0.113.9\"" })
    void garbageStopsTheWalkAtTheLastRealAddress(String garbage) {
        assertThat(behindOurProxies.of(request("10.0.0.5", "203.0.113.9, " + garbage))).isEqualTo("10.0.0.5");
        assertThat(behindOurProxies.of(request("10.0.0.5", "203.0.113.9, " + garbage + ", 10.1.1.1")))
                .isEqualTo("10.1.1.1");
    }

    @Test
    void garbageLeftOfTheClientIsNeverRead() {
        assertThat(behindOurProxies.of(request("10.0.0.5", "not-an-address, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void rangesMatchBitByBit() {
        ClientAddress behindPrivateRange = new ClientAddress(List.of("172.16.0.0/12"));
        assertThat(behindPrivateRange.of(request("172.31.255.255", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindPrivateRange.of(request("172.32.0.1", "203.0.113.9"))).isEqualTo("172.32.0.1");
        assertThat(behindPrivateRange.of(request("::ffff:172.20.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "proxy.internal", "fd00::/129", "10.0.0.0/8/8" })
    void unusableTrustedProxySettingIsRefusedAtStart(String setting) {
        assertThatThrownBy(() -> new ClientAddress(List.of(setting)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buildnest.platform.throttle.trusted-proxies")
                .hasMessageContaining(setting);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader(ClientAddress.FORWARDED_FOR, header);
        }
        return request;
    }
}
