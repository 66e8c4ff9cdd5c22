package com.buildnest.customer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Addresses as a client would send them, written the way people type them. */
final class AddressFixtures {

    private AddressFixtures() {
    }

    /** A building site in Bengaluru, billed to a registered business, typed casually. */
    static Map<String, Object> siteInBengaluru() {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("label", "  Site ");
        site.put("recipientName", "Ravi Kumar");
        site.put("phone", "098450-12345");
        site.put("line1", "Plot 42, 3rd Cross");
        site.put("line2", "HSR Layout Sector 2");
        site.put("landmark", "Near BDA Complex");
        site.put("city", "Bengaluru");
        site.put("state", "karnataka");
        site.put("pinCode", "560102");
        site.put("gstin", "29aabct1332l1za");
        return site;
    }

    /** A flat in Pune with no GSTIN, second line or landmark. */
    static Map<String, Object> homeInPune() {
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("label", "Home");
        home.put("recipientName", "Asha Rao");
        home.put("phone", "+91 70123 45678");
        home.put("line1", "Flat 9B, Sai Heights, Baner Road");
        home.put("city", "Pune");
        home.put("state", "MH");
        home.put("pinCode", "411045");
        return home;
    }

    static Map<String, Object> with(Map<String, Object> address, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(address);
        changed.put(field, value);
        return changed;
    }
}
