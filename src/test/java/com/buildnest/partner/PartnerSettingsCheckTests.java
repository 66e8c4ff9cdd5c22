package com.buildnest.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PartnerSettingsCheckTests {

    private final PartnerSettingsCheck check = new PartnerSettingsCheck();

    @Test
    void productionWithPublicTargetsOnlyPasses() {
        assertThat(check.problemsIn(new MockEnvironment())).isEmpty();
        assertThat(check.problemsIn(new MockEnvironment().withProperty("buildnest.partner.allow-private-targets",
                "false"))).isEmpty();
    }

    @Test
    void productionRefusesPrivateTargets() {
        assertThat(check.problemsIn(new MockEnvironment().withProperty("buildnest.partner.allow-private-targets",
                "true"))).singleElement().asString()
                .startsWith("buildnest.partner.allow-private-targets is true: production must send partner webhooks "
                        + "to public HTTPS addresses only");
    }

    @Test
    void unreadableSettingsAreReportedRatherThanThrown() {
        assertThat(check.problemsIn(new MockEnvironment().withProperty("buildnest.partner.connect-timeout",
                "soon"))).singleElement().asString().startsWith("buildnest.partner.* cannot be read");
    }
}
