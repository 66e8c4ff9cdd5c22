package com.buildnest.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 28 states and 8 union territories of India. Each goes by its ISO 3166-2:IN code (the letters
 * most people know from number plates, such as {@code KA}) and carries the two-digit state code of
 * GST, which opens every GSTIN registered there and decides between IGST and CGST + SGST on an
 * invoice.
 */
enum IndianState {

    JK("Jammu and Kashmir", "01", true),
    HP("Himachal Pradesh", "02", false),
    PB("Punjab", "03", false),
    CH("Chandigarh", "04", true),
    UK("Uttarakhand", "05", false, "UT", "UL", "Uttaranchal"),
    HR("Haryana", "06", false),
    DL("Delhi", "07", true, "NCT of Delhi", "National Capital Territory of Delhi"),
    RJ("Rajasthan", "08", false),
    UP("Uttar Pradesh", "09", false),
    BR("Bihar", "10", false),
    SK("Sikkim", "11", false),
    AR("Arunachal Pradesh", "12", false),
    NL("Nagaland", "13", false),
    MN("Manipur", "14", false),
    MZ("Mizoram", "15", false),
    TR("Tripura", "16", false),
    ML("Meghalaya", "17", false),
    AS("Assam", "18", false),
    WB("West Bengal", "19", false),
    JH("Jharkhand", "20", false),
    OD("Odisha", "21", false, "OR", "Orissa"),
    CG("Chhattisgarh", "22", false, "CT"),
    MP("Madhya Pradesh", "23", false),
    GJ("Gujarat", "24", false),
    // One union territory since 2020; GST code 25 (Daman and Diu) was retired into 26 then.
    DH("Dadra and Nagar Haveli and Daman and Diu", "26", true, "DN", "DD", "Dadra and Nagar Haveli",
            "Daman and Diu"),
    MH("Maharashtra", "27", false),
    KA("Karnataka", "29", false),
    GA("Goa", "30", false),
    LD("Lakshadweep", "31", true),
    KL("Kerala", "32", false),
    TN("Tamil Nadu", "33", false),
    PY("Puducherry", "34", true, "Pondicherry"),
    AN("Andaman and Nicobar Islands", "35", true, "Andaman and Nicobar"),
    TS("Telangana", "36", false, "TG"),
    AP("Andhra Pradesh", "37", false),
    LA("Ladakh", "38", true);

    static final String RULE = "must be an Indian state or union territory, by its code (KA) or its name (Karnataka)";

    private static final Map<String, IndianState> BY_CODE_OR_NAME = new HashMap<>();
    private static final Map<String, IndianState> BY_GST_CODE = new HashMap<>();

    static {
        for (IndianState state : values()) {
            BY_CODE_OR_NAME.put(key(state.name()), state);
            BY_CODE_OR_NAME.put(key(state.displayName), state);
            state.aliases.forEach(alias -> BY_CODE_OR_NAME.put(key(alias), state));
            BY_GST_CODE.put(state.gstCode, state);
        }
    }

    private final String displayName;
    private final String gstCode;
    private final boolean unionTerritory;
    /** Former codes and names that people and older systems still use. */
    private final List<String> aliases;

    IndianState(String displayName, String gstCode, boolean unionTerritory, String... aliases) {
        this.displayName = displayName;
        this.gstCode = gstCode;
        this.unionTerritory = unionTerritory;
        this.aliases = List.of(aliases);
    }

    /**
     * The state or union territory named by its code or its name, in any case, with "&amp;" for "and"
     * and any spacing ("karnataka", "KA", "Jammu &amp; Kashmir"); former names such as Orissa count.
     *
     * @throws IllegalArgumentException if no state or union territory goes by that name
     */
    static IndianState of(String codeOrName) {
        IndianState state = BY_CODE_OR_NAME.get(key(codeOrName));
        if (state == null) {
            throw new IllegalArgumentException(RULE);
        }
        return state;
    }

    /** The state or union territory whose GST state code this is ("29" for Karnataka). */
    static Optional<IndianState> withGstCode(String gstCode) {
        return Optional.ofNullable(BY_GST_CODE.get(gstCode));
    }

    /** The two-letter code, as the API writes it. */
    String code() {
        return name();
    }

    String displayName() {
        return displayName;
    }

    String gstCode() {
        return gstCode;
    }

    boolean unionTerritory() {
        return unionTerritory;
    }

    private static String key(String codeOrName) {
        return codeOrName.replace("&", " and ").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
