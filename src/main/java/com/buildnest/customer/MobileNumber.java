package com.buildnest.customer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Indian mobile number, kept as {@code +91} and its ten digits. People write the same number in
 * many ways (98450 12345, 098450-12345, +91 98450 12345); all of them are this one value.
 */
record MobileNumber(String value) {

    static final String RULE = "must be a 10-digit Indian mobile number starting with 6, 7, 8 or 9";
    private static final Pattern NORMALISED = Pattern.compile("\\+91[6-9][0-9]{9}");
    /** Ten digits from 6–9 on, after an optional +91 (country) or 0 (trunk) prefix. */
    private static final Pattern WRITTEN = Pattern.compile("(?:\\+91|0)?([6-9][0-9]{9})");

    MobileNumber {
        if (value == null || !NORMALISED.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /**
     * The number as someone wrote it: spaces and hyphens anywhere, optionally after +91 or 0.
     *
     * @throws IllegalArgumentException if it is not an Indian mobile number
     */
    static MobileNumber of(String written) {
        Matcher digits = WRITTEN.matcher(written.replaceAll("[\\s-]", ""));
        if (!digits.matches()) {
            throw new IllegalArgumentException(RULE);
        }
        return new MobileNumber("+91" + digits.group(1));
    }
}
