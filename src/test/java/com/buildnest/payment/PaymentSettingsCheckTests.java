package com.buildnest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PaymentSettingsCheckTests {

    private final PaymentSettingsCheck check = new PaymentSettingsCheck();

    private MockEnvironment razorpay() {
        return new MockEnvironment().withProperty("buildnest.payment.gateway", "razorpay")
                .withProperty("buildnest.payment.razorpay.key-id", "rzp_live_Fake01")
                .withProperty("buildnest.payment.razorpay.key-secret", "q8W2nX5vL0pR7tY3mK9cJ4hB")
                .withProperty("buildnest.payment.razorpay.webhook-secret", "Wh-7Yd2Kp9Lm4Qs8Vb3Nx6Rt")
                .withProperty("buildnest.payment.razorpay.live", "true");
    }

    @Test
    void liveAccountWithRealLookingKeysPasses() {
        assertThat(check.problemsIn(razorpay())).isEmpty();
    }

    @Test
    void testModeAcceptsTestKeys() {
        assertThat(check.problemsIn(razorpay().withProperty("buildnest.payment.razorpay.live", "false")
                .withProperty("buildnest.payment.razorpay.key-id", "rzp_test_Fake01"))).isEmpty();
    }

    @Test
    void somethingThatIsNotAKeyIdIsRefused() {
        assertThat(check.problemsIn(razorpay().withProperty("buildnest.payment.razorpay.key-id", "my-key")))
                .singleElement().asString().contains("does not look like a Razorpay key id");
    }

    @Test
    void placeholderSecretsAreRefusedInLiveMode() {
        assertThat(check.problemsIn(razorpay().withProperty("buildnest.payment.razorpay.webhook-secret",
                "xxxxxxxxxxxxxxxxxxxxxxxx"))).singleElement().asString().contains("webhook-secret is still a placeholder");
        assertThat(PaymentSettingsCheck.looksLikePlaceholder("your-razorpay-secret-here")).isTrue();
        assertThat(PaymentSettingsCheck.looksLikePlaceholder("q8W2nX5vL0pR7tY3mK9cJ4hB")).isFalse();
    }

    @Test
    void simulatedGatewayIsRefusedUnlessAskedForByName() {
        MockEnvironment simulated = new MockEnvironment().withProperty("buildnest.payment.gateway", "simulated");
        assertThat(check.problemsIn(simulated)).singleElement().asString()
                .contains("buildnest.payment.gateway is simulated, which takes no money");
        assertThat(check.problemsIn(simulated.withProperty("buildnest.payment.simulated.allowed-in-prod", "true")))
                .isEmpty();
    }

    @Test
    void simulatedGatewayIsNeverAllowedWithLiveMoney() {
        MockEnvironment simulated = new MockEnvironment().withProperty("buildnest.payment.gateway", "simulated")
                .withProperty("buildnest.payment.simulated.allowed-in-prod", "true")
                .withProperty("buildnest.payment.razorpay.live", "true");
        assertThat(check.problemsIn(simulated)).singleElement().asString().contains("gateway is simulated");
    }

    @Test
    void missingRazorpaySecretsAreEachNamed() {
        MockEnvironment bare = new MockEnvironment().withProperty("buildnest.payment.gateway", "razorpay");
        assertThat(check.problemsIn(bare)).hasSize(3).anySatisfy(p -> assertThat(p).contains("key-id"))
                .anySatisfy(p -> assertThat(p).contains("key-secret")).anySatisfy(p -> assertThat(p)
                        .contains("webhook-secret"));
    }

    @Test
    void razorpayIsReachedOverHttpsOnly() {
        assertThat(check.problemsIn(razorpay().withProperty("buildnest.payment.razorpay.base-url",
                "http://api.razorpay.com"))).singleElement().asString().contains("base-url must be an https://");
    }

    @Test
    void unknownGatewayIsReportedNotThrown() {
        assertThat(check.problemsIn(new MockEnvironment().withProperty("buildnest.payment.gateway", "paypal")))
                .singleElement().asString().startsWith("buildnest.payment.* cannot be read");
    }
}
