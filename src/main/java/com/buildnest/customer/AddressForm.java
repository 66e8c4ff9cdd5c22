package com.buildnest.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An address as a client sends it to the address book, to add (POST) or to replace (PUT) one.
 * {@code isDefault: true} makes it the default; false or left out leaves the default where it is.
 */
public record AddressForm(
        @NotBlank @Size(max = 30) String label,
        @NotBlank @Size(max = 120) String recipientName,
        @NotNull @ValidMobileNumber String phone,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 120) String landmark,
        @NotBlank @Size(max = 80) String city,
        @NotNull @ValidState String state,
        @NotNull @ValidPinCode String pinCode,
        @ValidGstin String gstin,
        Boolean isDefault) {

    /** The checked, normalised details; call only once the form has been validated. */
    AddressDetails details() {
        return new AddressDetails(label, recipientName, MobileNumber.of(phone), line1, line2, landmark, city,
                IndianState.of(state), PinCode.of(pinCode), gstin == null ? null : Gstin.of(gstin));
    }

    boolean asksToBeDefault() {
        return Boolean.TRUE.equals(isDefault);
    }
}
