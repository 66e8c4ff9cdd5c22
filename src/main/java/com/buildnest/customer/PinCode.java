package com.buildnest.customer;

import java.util.regex.Pattern;

/** An Indian postal index number: six digits, the first of which (the postal zone) is never 0. */
record PinCode(String value) {

    static final String RULE = "must be a 6-digit PIN code that does not start with 0";
    private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{5}");

    PinCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /**
     * The PIN code as someone typed it, surrounding spaces ignored.
     *
     * @throws IllegalArgumentException if it is not six digits starting 1–9
     */
    static PinCode of(String written) {
        return new PinCode(written.strip());
    }
}
