package com.buildnest.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Checkout and order settings.
 *
 * @param seller who sells: printed on every tax invoice, and whose state decides CGST + SGST or IGST
 * @param shipping where the shop delivers and what delivery costs
 * @param reservationTtl how long checkout holds stock for an order that has not been paid
 * @param expireEvery how often unpaid orders whose reservation ran out are looked for (the scheduler reads the same key)
 * @param returnWindow how long after delivery the customer may ask to return an order
 * @param invoicePrefix the letters that open every invoice number (at most 4, so that
 *        {@code PREFIX/26-27/000001} stays within GST's 16 characters)
 */
@Validated
@ConfigurationProperties("buildnest.ordering")
public record OrderingProperties(@Valid @NotNull Seller seller, @Valid @NotNull Shipping shipping,
        @NotNull @DefaultValue("15m") Duration reservationTtl, @NotNull @DefaultValue("30s") Duration expireEvery,
        @NotBlank @Pattern(regexp = "[A-Z0-9]{1,4}") @DefaultValue("BN") String invoicePrefix,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration returnWindow) {

    /**
     * The registered business that sells.
     *
     * @param stateCode the two-digit GST code of the seller's state (the first two characters of its GSTIN)
     */
    public record Seller(@NotBlank String legalName, @NotBlank @Pattern(regexp = "[0-9]{2}[0-9A-Z]{13}") String gstin,
            @NotBlank @Pattern(regexp = "[0-9]{2}") String stateCode, @NotBlank String stateName,
            @NotEmpty List<@NotBlank String> address) {
    }

    /**
     * Delivery: zones by the leading digits of the PIN code (the longest matching prefix wins; a PIN
     * code no zone names is not served), each with a charge per consignment and per kilogram. The
     * delivery charge is its own invoice line, taxed at {@code gstRate} under SAC {@code sac}.
     */
    public record Shipping(@NotEmpty List<@Valid Zone> zones,
            @NotNull @DecimalMin("0") @DecimalMax("28") @DefaultValue("18") BigDecimal gstRate,
            @NotBlank @DefaultValue("9965") String sac) {
    }

    /**
     * @param pinPrefixes leading digits of the PIN codes in the zone, 1 to 6 digits each
     * @param basePaise the charge for any consignment to the zone
     * @param perKgPaise the charge for each started kilogram
     */
    public record Zone(@NotBlank String name, @NotEmpty List<@Pattern(regexp = "[1-9][0-9]{0,5}") String> pinPrefixes,
            @Min(0) @Max(100_000_00) long basePaise, @Min(0) @Max(100_00) long perKgPaise) {
    }
}
