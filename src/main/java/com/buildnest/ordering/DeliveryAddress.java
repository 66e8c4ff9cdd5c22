package com.buildnest.ordering;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an order goes, copied from the address book when it was placed. Its state is the place of
 * supply, which decides the tax split.
 */
@Embeddable
record DeliveryAddress(
        @Column(name = "recipient_name", nullable = false, length = 100) String recipientName,
        @Column(name = "phone", nullable = false, length = 20) String phone,
        @Column(name = "address_line1", nullable = false, length = 200) String line1,
        @Column(name = "address_line2", length = 200) String line2,
        @Column(name = "landmark", length = 100) String landmark,
        @Column(name = "city", nullable = false, length = 100) String city,
        @Column(name = "place_of_supply_code", nullable = false, length = 2) String stateCode,
        @Column(name = "place_of_supply_name", nullable = false, length = 60) String stateName,
        @Column(name = "pin_code", nullable = false, length = 6) String pinCode) {
}
