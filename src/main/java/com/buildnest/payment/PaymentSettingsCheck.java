package com.buildnest.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.buildnest.platform.startup.ProductionSettingsCheck;

/**
 * Production takes payments through Razorpay: its three secrets must be present, and a live
 * account must not run on test keys or on values that were obviously never filled in, and talks to
 * Razorpay over HTTPS only. The simulated gateway is refused unless it is asked for explicitly
 * ({@code buildnest.payment.simulated.allowed-in-prod}, for load tests and staging drills), and
 * never with live money.
 */
class PaymentSettingsCheck implements ProductionSettingsCheck {

    private static final Pattern KEY_ID = Pattern.compile("rzp_(test|live)_[A-Za-z0-9]{6,}");
    private static final List<String> PLACEHOLDER_WORDS = List.of("changeme", "change-me", "change_me", "placeholder",
            "example", "dummy", "xxxx", "your", "todo", "secret", "password");
    private static final int MINIMUM_SECRET_LENGTH = 16;

    @Override
    public List<String> problemsIn(Environment environment) {
        PaymentProperties payment;
        try {
            payment = Binder.get(environment).bindOrCreate("buildnest.payment", PaymentProperties.class);
        } catch (BindException unreadable) {
            return List.of("buildnest.payment.* cannot be read: " + unreadable.getCause().getMessage());
        }
        PaymentProperties.Razorpay razorpay = payment.razorpay();
        if (payment.gateway() == PaymentProperties.Gateway.SIMULATED) {
            if (razorpay.live()) {
                return List.of("buildnest.payment.razorpay.live is true but buildnest.payment.gateway is simulated: "
                        + "live mode needs BUILDNEST_PAYMENT_GATEWAY=razorpay.");
            }
            // Possible on purpose for load tests and staging drills, but only when asked for by name.
            return payment.simulated().allowedInProd() ? List.of()
                    : List.of("buildnest.payment.gateway is simulated, which takes no money: production needs "
                            + "BUILDNEST_PAYMENT_GATEWAY=razorpay (or buildnest.payment.simulated.allowed-in-prod=true "
                            + "for a load test or staging drill).");
        }
        List<String> problems = new ArrayList<>();
        String keyId = razorpay.keyId();
        if (blank(keyId)) {
            problems.add("buildnest.payment.razorpay.key-id (BUILDNEST_PAYMENT_RAZORPAY_KEYID) is not set.");
        } else if (!KEY_ID.matcher(keyId).matches()) {
            problems.add("buildnest.payment.razorpay.key-id does not look like a Razorpay key id (rzp_live_… or rzp_test_…).");
        } else if (razorpay.live() && !keyId.startsWith("rzp_live_")) {
            problems.add("buildnest.payment.razorpay.live is true but key-id is a test key: live mode needs an rzp_live_ key.");
        }
        if (!razorpay.baseUrl().startsWith("https://")) {
            problems.add("buildnest.payment.razorpay.base-url must be an https:// address in production.");
        }
        checkSecret(problems, "buildnest.payment.razorpay.key-secret", "BUILDNEST_PAYMENT_RAZORPAY_KEYSECRET",
                razorpay.keySecret(), razorpay.live());
        checkSecret(problems, "buildnest.payment.razorpay.webhook-secret", "BUILDNEST_PAYMENT_RAZORPAY_WEBHOOKSECRET",
                razorpay.webhookSecret(), razorpay.live());
        return problems;
    }

    private static void checkSecret(List<String> problems, String key, String variable, String value, boolean live) {
        if (blank(value)) {
            problems.add(key + " (" + variable + " or the secret file " + key + ") is not set.");
        } else if (live && looksLikePlaceholder(value)) {
            problems.add(key + " is still a placeholder value; live mode needs the real secret from the Razorpay dashboard.");
        }
    }

    static boolean looksLikePlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return value.length() < MINIMUM_SECRET_LENGTH || PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)
                || value.chars().distinct().count() <= 2;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
