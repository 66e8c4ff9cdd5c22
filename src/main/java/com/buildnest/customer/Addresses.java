package com.buildnest.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The rules of one account's address book: it holds at most {@value #LIMIT} addresses, and while it
 * holds any, exactly one of them is the default. The first address becomes the default; choosing
 * another moves the default there; removing the default hands it to the most recently added of the
 * rest. Asking for an address to be the default is honoured, but never asking (or asking not to) does
 * not take the default away, since a book with addresses must always have one.
 */
final class Addresses {

    static final int LIMIT = 20;

    /** Most recently added last; the id breaks a tie of timestamps. */
    private static final Comparator<Address> BY_AGE = Comparator.comparing(Address::createdAt)
            .thenComparing(Address::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<Address> all;

    Addresses(List<Address> all) {
        this.all = new ArrayList<>(all);
    }

    /**
     * @throws BusinessRuleViolation {@code customer.address-not-found} if the book has no such address,
     *         which is also the answer for someone else's address
     */
    Address find(long id) {
        return all.stream().filter(address -> Objects.equals(address.id(), id)).findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Adds an address, as the default if it is the first or if asked to be.
     *
     * @throws BusinessRuleViolation {@code customer.address-limit} if the book is full
     */
    void add(Address address, boolean asDefault) {
        if (all.size() >= LIMIT) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.INVALID, "customer.address-limit",
                    "An address book holds at most " + LIMIT + " addresses. Remove one you no longer use first.");
        }
        all.add(address);
        if (asDefault || all.size() == 1) {
            makeDefault(address);
        }
    }

    /** Replaces what an address says, and makes it the default if asked to. */
    Address replace(long id, AddressDetails details, boolean asDefault) {
        Address address = find(id);
        address.replace(details);
        if (asDefault) {
            makeDefault(address);
        }
        return address;
    }

    /** Removes an address; if it was the default, the most recently added of the rest becomes the default. */
    Address remove(long id) {
        Address removed = find(id);
        all.remove(removed);
        if (removed.isDefault()) {
            all.stream().max(BY_AGE).ifPresent(this::makeDefault);
        }
        return removed;
    }

    /** The default first, then the rest from the most recently added. */
    List<Address> inOrder() {
        return all.stream()
                .sorted(Comparator.comparing(Address::isDefault).thenComparing(BY_AGE).reversed())
                .toList();
    }

    static BusinessRuleViolation notFound(long id) {
        return BusinessRuleViolation.notFound("customer.address-not-found",
                "There is no address " + id + " in your address book.");
    }

    private void makeDefault(Address chosen) {
        all.forEach(address -> address.markDefault(address == chosen));
    }
}
