package com.buildnest.catalog;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The base unit a product is counted, ordered and priced in. Quantities are whole numbers of it,
 * so a unit is chosen small enough for every sensible order: steel is sold by the kilogram (half a
 * tonne is 500 kg), cement by the bag, tiles by the box.
 */
public enum SellingUnit {
    KG("kg"), TONNE("tonne"), PIECE("piece"), BAG("bag"), BOX("box"), SQ_FT("sq ft"), SQ_M("sq m"), LITRE("litre"),
    METRE("metre"), LENGTH("length"), COIL("coil"), BUCKET("bucket"), SHEET("sheet"), PAIR("pair");

    private final String code;

    SellingUnit(String code) {
        this.code = code;
    }

    /** The unit as the API and the database write it: {@code "kg"}, {@code "sq ft"}. */
    @JsonValue
    public String code() {
        return code;
    }

    public static SellingUnit ofCode(String code) {
        return Arrays.stream(values()).filter(unit -> unit.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a selling unit: " + code));
    }
}
