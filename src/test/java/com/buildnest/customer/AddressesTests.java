package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.buildnest.shared.BusinessRuleViolation;

/** The rules of an address book, without Spring or a database. */
class AddressesTests {

    private static final Instant MORNING = Instant.parse("2026-11-25T04:30:00Z");
    private final List<Address> stored = new ArrayList<>();

    @Test
    void theFirstAddressBecomesTheDefaultEvenUnasked() {
        Addresses book = new Addresses(stored);
        Address home = address("Home", 0);
        book.add(home, false);
        assertThat(home.isDefault()).isTrue();
    }

    @Test
    void laterAddressesAreNotTheDefaultUnlessAsked() {
        Addresses book = new Addresses(stored);
        Address home = address("Home", 0);
        Address site = address("Site", 1);
        book.add(home, false);
        book.add(site, false);
        assertThat(defaults(book)).containsExactly(home);
    }

    @Test
    void askingForAnotherDefaultMovesIt() {
        Addresses book = new Addresses(stored);
        Address home = address("Home", 0);
        Address site = address("Site", 1);
        book.add(home, false);
        book.add(site, true);
        assertThat(defaults(book)).containsExactly(site);
    }

    @Test
    void removingTheDefaultPromotesTheMostRecentlyAddedOfTheRest() {
        Address home = saved(1, "Home", 0, true);
        Address office = saved(2, "Office", 2, false);
        Address site = saved(3, "Site", 1, false);
        Addresses book = new Addresses(List.of(home, office, site));
        assertThat(book.remove(1)).isSameAs(home);
        assertThat(defaults(book)).containsExactly(office);
    }

    @Test
    void removingAnotherAddressLeavesTheDefaultAlone() {
        Address home = saved(1, "Home", 0, true);
        Address site = saved(2, "Site", 1, false);
        Addresses book = new Addresses(List.of(home, site));
        book.remove(2);
        assertThat(defaults(book)).containsExactly(home);
    }

    @Test
    void listsTheDefaultFirstThenTheMostRecent() {
        Address home = saved(1, "Home", 0, false);
        Address office = saved(2, "Office", 2, false);
        Address site = saved(3, "Site", 1, true);
        assertThat(new Addresses(List.of(home, office, site)).inOrder()).containsExactly(site, office, home);
    }

    @Test
    void aFullBookRefusesTheTwentyFirstAddressAndStaysAsItWas() {
        Addresses book = new Addresses(stored);
        for (int i = 0; i < Addresses.LIMIT; i++) {
            book.add(address("Site " + i, i), false);
        }
        Address oneTooMany = address("One too many", 99);
        assertThatThrownBy(() -> book.add(oneTooMany, true))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("customer.address-limit");
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID);
                });
        assertThat(book.inOrder()).hasSize(20).doesNotContain(oneTooMany);
        assertThat(oneTooMany.isDefault()).isFalse();
        assertThat(defaults(book)).extracting(Address::label).containsExactly("Site 0");
    }

    @Test
    void anAddressNotInTheBookIsNotFound() {
        Addresses book = new Addresses(List.of(saved(1, "Home", 0, true)));
        assertThatThrownBy(() -> book.find(2)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                refusal -> assertThat(refusal.code()).isEqualTo("customer.address-not-found"));
    }

    private static List<Address> defaults(Addresses book) {
        return book.inOrder().stream().filter(Address::isDefault).toList();
    }

    private static Address address(String label, int minutesLater) {
        return new Address(7L, details(label), MORNING.plusSeconds(60L * minutesLater));
    }

    private static Address saved(long id, String label, int minutesLater, boolean isDefault) {
        Address address = address(label, minutesLater);
        ReflectionTestUtils.setField(address, "id", id); // as the database would on insert
        address.markDefault(isDefault);
        return address;
    }

    private static AddressDetails details(String label) {
        return new AddressDetails(label, "Ravi Kumar", MobileNumber.of("9845012345"), "Plot 42, 3rd Cross", null,
                null, "Bengaluru", IndianState.KA, PinCode.of("560102"), null);
    }
}
