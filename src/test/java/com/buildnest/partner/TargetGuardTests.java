package com.buildnest.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.buildnest.partner.TargetGuard.TargetRefused;

/** Where a webhook may go, with a table for DNS: no test here asks a real resolver. */
class TargetGuardTests {

    static final Map<String, List<String>> DNS = Map.of(
            "hooks.partner.example", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "internal.partner.example", List.of("10.20.30.40"),
            "metadata.partner.example", List.of("169.254.169.254"),
            "half.partner.example", List.of("93.184.215.14", "192.168.1.10"),
            "localhost", List.of("127.0.0.1", "::1"),
            "rebinding.partner.example", List.of("93.184.215.14"));

    final List<String> asked = new ArrayList<>();

    final TargetGuard.Resolver table = host -> {
        asked.add(host);
        List<String> literals = DNS.get(host);
        if (literals == null) {
            // an IP literal resolves to itself, as the system resolver does, without a lookup
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] { InetAddress.getByName(host) };
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literals.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(literals.get(i));
        }
        return addresses;
    };

    final TargetGuard production = new TargetGuard(false, table);
    final TargetGuard embedded = new TargetGuard(true, table);

    @Test
    void aPublicHttpsTargetIsAccepted() {
        assertThat(production.check("https://hooks.partner.example/buildnest?source=shop")).hasToString(
                "https://hooks.partner.example/buildnest?source=shop");
        assertThat(production.check("https://hooks.partner.example:8443/in")).hasPort(8443);
        assertThat(production.check("https://[2606:4700:4700::1111]/in")).hasHost("[2606:4700:4700::1111]");
        assertThat(production.check("https://8.8.8.8/in")).hasHost("8.8.8.8");
        assertThat(asked).containsExactly("hooks.partner.example", "hooks.partner.example", "2606:4700:4700::1111",
                "8.8.8.8");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://internal.partner.example/hook", "https://metadata.partner.example/latest",
            "https://half.partner.example/hook", "https://localhost/hook", "https://127.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://[fe80::1]/hook", "https://100.64.0.1/hook",
            "https://0.0.0.0/hook", "https://localhost./hook" })
    void aTargetResolvingToAnyAddressThatIsNotPublicIsRefusedInProduction(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(TargetRefused.class)
                .hasMessageContaining("resolves to an address that is not public");
    }

    @Test
    void theSameTargetsAreAcceptedWherePrivateTargetsAreAllowed() {
        assertThat(embedded.check("http://localhost:8089/hook")).hasPort(8089);
        assertThat(embedded.check("https://internal.partner.example/hook")).hasHost("internal.partner.example");
        assertThat(embedded.addressesOf("localhost")).hasSize(2);
        assertThat(asked).containsExactly("localhost");
    }

    @Test
    void plainHttpIsRefusedInProduction() {
        assertThatThrownBy(() -> production.check("http://hooks.partner.example/hook"))
                .isInstanceOf(TargetRefused.class).hasMessage("The target must be an https:// URL.");
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://hooks.partner.example/x", "file:///etc/passwd", "gopher://hooks.partner.example/",
            "jar:https://hooks.partner.example/x.jar!/", "mailto:ops@partner.example", "//hooks.partner.example/x",
            "/api/admin/webhooks", "hooks.partner.example" })
    void schemesOtherThanHttpsAreRefusedEverywhere(String url) {
        assertThatThrownBy(() -> embedded.check(url)).isInstanceOf(TargetRefused.class);
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(TargetRefused.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> production.check("https://user:pass@hooks.partner.example/hook"))
                .isInstanceOf(TargetRefused.class).hasMessageContaining("must not carry a user name or password");
        assertThatThrownBy(() -> production.check("https://hooks.partner.example@127.0.0.1/hook"))
                .isInstanceOf(TargetRefused.class).hasMessageContaining("must not carry a user name or password");
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://2130706433/hook", "https://0x7f000001/hook", "https://0177.0.0.1/hook",
            "https://127.1/hook", "https://0x7f.0.0.1/hook", "https://10.0.0.010/hook", "https://1.2.3.256/hook" })
    void ipv4AddressesWrittenInAnyButTheCanonicalFormAreRefused(String url) {
        // Some are no host at all to java.net.URI; the others are refused for their form.
        assertThatThrownBy(() -> embedded.check(url)).isInstanceOf(TargetRefused.class)
                .message().containsAnyOf("four decimal numbers", "must name a host");
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "https://", "https:///hook", "https://exa mple.com/", "https://[::1/hook",
            "https://hooks.partner.example/#fragment", "https://[fe80::1%25eth0]/hook", "https://under_score.example/" })
    void malformedTargetsAreRefused(String url) {
        assertThatThrownBy(() -> embedded.check(url)).isInstanceOf(TargetRefused.class);
    }

    @Test
    void aVeryLongUrlIsRefused() {
        String url = "https://hooks.partner.example/" + "a".repeat(TargetGuard.MAX_URL_LENGTH);

        assertThatThrownBy(() -> embedded.check(url)).isInstanceOf(TargetRefused.class)
                .hasMessageContaining("longer than 2000");
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedInProductionAndSaidSo() {
        assertThatThrownBy(() -> production.check("https://nowhere.partner.example/hook"))
                .isInstanceOfSatisfying(TargetRefused.class, refused -> {
                    assertThat(refused.unresolvable()).isTrue();
                    assertThat(refused).hasMessage("The target host nowhere.partner.example does not resolve to any address.");
                });
    }

    @Test
    void everyConnectionAsksAgainSoAHostThatRepointsItsDnsIsRefusedAtDelivery() {
        java.util.Map<String, String> current = new java.util.HashMap<>(Map.of("rebinding.partner.example",
                "93.184.215.14"));
        TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] { InetAddress.getByName(current.get(host)) });
        assertThat(guard.check("https://rebinding.partner.example/hook")).isNotNull();

        current.put("rebinding.partner.example", "127.0.0.1");

        assertThatThrownBy(() -> guard.addressesOf("rebinding.partner.example")).isInstanceOf(TargetRefused.class)
                .hasMessageContaining("not public");
    }
}
