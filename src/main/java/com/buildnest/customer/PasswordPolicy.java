package com.buildnest.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.buildnest.shared.BusinessRuleViolation;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a password must be: 12 to 128 characters, not one of the 30,000 most common passwords
 * (shipped in {@code customer/common-passwords.txt}), and not easily guessed from words, names,
 * keyboard patterns, dates or the account's own username and e-mail, as zxcvbn estimates it
 * (score 3 of 4 or better).
 */
@Component
class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 128;
    private static final int MINIMUM_SCORE = 3;
    private static final int ESTIMATED_PREFIX = 64; // zxcvbn's cost grows with length; the prefix decides

    private final Set<String> common;
    private final Zxcvbn estimator = new Zxcvbn();

    PasswordPolicy() {
        this.common = load("customer/common-passwords.txt");
    }

    /** Refuses a password for the account with these identifiers, naming the field {@code field}. */
    void check(String field, String password, String username, String email) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw weak(field, "must have at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw weak(field, "must have at most " + MAXIMUM_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw weak(field, "is one of the most common passwords; choose another");
        }
        List<String> personal = new ArrayList<>();
        if (username != null) {
            personal.add(username);
        }
        if (email != null) {
            personal.add(email);
            personal.add(email.split("@", 2)[0]);
        }
        String estimated = password.length() > ESTIMATED_PREFIX ? password.substring(0, ESTIMATED_PREFIX) : password;
        if (estimator.measure(estimated, personal).getScore() < MINIMUM_SCORE) {
            throw weak(field, "is too easy to guess; add more unrelated words or characters");
        }
    }

    private static BusinessRuleViolation weak(String field, String why) {
        return BusinessRuleViolation.invalidField("customer.password-too-weak", field, "The password " + why + ".");
    }

    private static Set<String> load(String resource) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    int commonPasswordCount() {
        return common.size();
    }
}
