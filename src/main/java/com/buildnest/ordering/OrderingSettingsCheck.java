package com.buildnest.ordering;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.buildnest.platform.startup.ProductionSettingsCheck;

/**
 * Production prints real tax invoices: the seller on them must be the shop's own registration, not
 * the demo seller the embedded default ships with, and the seller's state must be the one its
 * GSTIN names (it decides CGST + SGST or IGST on every order).
 */
class OrderingSettingsCheck implements ProductionSettingsCheck {

    /** The demo seller's GSTIN in application.yaml. */
    static final String DEMO_GSTIN = "29AAECB4821K1ZJ";

    @Override
    public List<String> problemsIn(Environment environment) {
        OrderingProperties.Seller seller;
        try {
            seller = Binder.get(environment).bind("buildnest.ordering.seller", OrderingProperties.Seller.class)
                    .orElse(null);
        } catch (BindException unreadable) {
            return List.of("buildnest.ordering.seller.* cannot be read: " + unreadable.getCause().getMessage());
        }
        if (seller == null || seller.gstin() == null || seller.gstin().isBlank()) {
            return List.of("buildnest.ordering.seller.gstin (BUILDNEST_ORDERING_SELLER_GSTIN) is not set: "
                    + "tax invoices need the shop's GSTIN.");
        }
        List<String> problems = new ArrayList<>();
        if (DEMO_GSTIN.equals(seller.gstin())) {
            problems.add("buildnest.ordering.seller is still the demo seller: set the shop's legal name, GSTIN, "
                    + "state and address (BUILDNEST_ORDERING_SELLER_*).");
        } else if (seller.stateCode() == null || !seller.gstin().startsWith(seller.stateCode())) {
            problems.add("buildnest.ordering.seller.state-code must be the state code that opens the GSTIN ("
                    + seller.gstin().substring(0, 2) + ").");
        }
        return problems;
    }
}
