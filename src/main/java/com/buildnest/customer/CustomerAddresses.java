package com.buildnest.customer;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * What other modules (checkout) may read of a customer's address book: one of the customer's own
 * addresses as a parcel and an invoice need it, and the check of a GSTIN a buyer types in.
 */
@Service
public class CustomerAddresses {

    private final AddressRepository addresses;

    CustomerAddresses(AddressRepository addresses) {
        this.addresses = addresses;
    }

    /**
     * An address where delivery goes; {@code stateGstCode} is the two-digit GST code of its state, the
     * place of supply for goods delivered there.
     */
    public record PostalAddress(String recipientName, String phone, String line1, String line2, String landmark,
            String city, String stateGstCode, String stateName, String pinCode, String gstin) {
    }

    /** The account's own address with this id; empty for an unknown id or another account's address. */
    @Transactional(readOnly = true)
    public Optional<PostalAddress> addressOf(long accountId, long addressId) {
        return addresses.findByIdAndAccountId(addressId, accountId).map(address -> new PostalAddress(
                address.recipientName(), address.phone(), address.line1(), address.line2(), address.landmark(),
                address.city(), address.state().gstCode(), address.state().displayName(), address.pinCode(),
                address.gstin()));
    }

    /**
     * A GSTIN as a buyer typed it, checked (format, state, check character) and written in capitals.
     *
     * @throws BusinessRuleViolation {@code customer.invalid-gstin} naming {@code field} when it is not a valid GSTIN
     */
    public String validGstin(String written, String field) {
        try {
            return Gstin.of(written).value();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw BusinessRuleViolation.invalidField("customer.invalid-gstin", field,
                    "The GSTIN " + (invalid.getMessage() == null ? "is missing" : invalid.getMessage()) + ".");
        }
    }
}
