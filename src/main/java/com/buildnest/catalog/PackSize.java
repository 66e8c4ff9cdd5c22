package com.buildnest.catalog;

import java.io.Serializable;

/**
 * A named pack a product also comes in ("tonne of TMT bars", "pallet of 40 bags"), holding an
 * exact whole number of the product's base units, so converting packs to base units never rounds.
 */
public record PackSize(String name, long baseUnits) implements Serializable {

    public PackSize {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("a pack needs a name of at most 80 characters: " + name);
        }
        if (baseUnits < 1) {
            throw new IllegalArgumentException("a pack holds at least one base unit: " + name + " holds " + baseUnits);
        }
    }

    /** How many base units {@code packs} of this pack hold, exactly. */
    public long toBaseUnits(long packs) {
        if (packs < 0) {
            throw new IllegalArgumentException("a number of packs cannot be negative: " + packs);
        }
        return Math.multiplyExact(packs, baseUnits);
    }
}
