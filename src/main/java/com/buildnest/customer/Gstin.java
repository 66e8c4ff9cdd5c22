package com.buildnest.customer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GST identification number, the fifteen characters a registered business puts on every tax
 * invoice: the GST code of its state, its PAN, an entity number (1–9, then A–Z, for each
 * registration under that PAN in the state), the letter Z, and a check character that catches a
 * mistyped character.
 */
record Gstin(String value) {

    static final String FORMAT_RULE =
            "must be 15 characters: a state code, a PAN, an entity number, Z and a check character";
    static final String STATE_RULE = "must start with the GST code of an Indian state or union territory";
    static final String CHECK_RULE = "has a check character that does not match: a character is mistyped";

    private static final Pattern FORMAT = Pattern.compile("([0-9]{2})[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]");
    private static final String BASE_36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    Gstin {
        Matcher parts = value == null ? null : FORMAT.matcher(value);
        if (parts == null || !parts.matches()) {
            throw new IllegalArgumentException(FORMAT_RULE);
        }
        if (IndianState.withGstCode(parts.group(1)).isEmpty()) {
            throw new IllegalArgumentException(STATE_RULE);
        }
        if (value.charAt(14) != checkCharacter(value.substring(0, 14))) {
            throw new IllegalArgumentException(CHECK_RULE);
        }
    }

    /**
     * The GSTIN as someone typed it, in either case, surrounding spaces ignored.
     *
     * @throws IllegalArgumentException if it is malformed, names no state, or its check character is wrong
     */
    static Gstin of(String written) {
        return new Gstin(written.strip().toUpperCase(Locale.ROOT));
    }

    /** The state or union territory where the business is registered under this number. */
    IndianState state() {
        return IndianState.withGstCode(value.substring(0, 2)).orElseThrow();
    }

    /** The PAN of the business. */
    String pan() {
        return value.substring(2, 12);
    }

    /**
     * GSTN's check character for the first fourteen characters: read each as a base-36 digit
     * (0–9, then A–Z as 10–35), multiply by 1 and 2 alternately from the left, add up each
     * product's two base-36 digits (product / 36 + product % 36), and take the digit that brings
     * the total to a multiple of 36.
     */
    static char checkCharacter(String first14) {
        int total = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = BASE_36.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            total += product / 36 + product % 36;
        }
        return BASE_36.charAt((36 - total % 36) % 36);
    }
}
