package com.buildnest.customer;

import java.util.Objects;

/**
 * What an entry of the address book says: a label to pick it by (Home, Site, Office…), who takes
 * the delivery and on which mobile number, where, and the GSTIN to bill, if any. Text is kept
 * trimmed; an optional line left blank is no line at all.
 */
record AddressDetails(String label, String recipientName, MobileNumber phone, String line1, String line2,
        String landmark, String city, IndianState state, PinCode pinCode, Gstin gstin) {

    AddressDetails {
        label = required(label, "label");
        recipientName = required(recipientName, "recipientName");
        Objects.requireNonNull(phone, "phone");
        line1 = required(line1, "line1");
        line2 = optional(line2);
        landmark = optional(landmark);
        city = required(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pinCode, "pinCode");
    }

    private static String required(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text.trim();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
