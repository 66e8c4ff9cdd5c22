package com.buildnest.customer;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The signed-in person's own address book, as the API and (later) checkout read and change it.
 * Every change first locks the owner's account row, so two changes to one book take turns and the
 * limit and the single default hold however the requests interleave. Another account's address is
 * simply not in the book: asking for it is {@code customer.address-not-found}, like any unknown id.
 */
@Service
public class AddressBook {

    private final Accounts accounts;
    private final AddressRepository addresses;
    private final Clock clock;

    AddressBook(Accounts accounts, AddressRepository addresses, Clock clock) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** Every address of the account a token names: the default first, then the most recently added. */
    @Transactional(readOnly = true)
    public List<AddressView> addressesOf(String subject) {
        return new Addresses(addresses.findByAccountId(accounts.accountIdOf(subject))).inOrder().stream()
                .map(AddressView::of).toList();
    }

    @Transactional(readOnly = true)
    public AddressView address(String subject, long id) {
        return addresses.findByIdAndAccountId(id, accounts.accountIdOf(subject)).map(AddressView::of)
                .orElseThrow(() -> Addresses.notFound(id));
    }

    /**
     * @throws BusinessRuleViolation {@code customer.address-limit} when the book is full
     */
    /** Adds a validated form's address ({@link AddressForm}), for callers outside the module. */
    @Transactional
    public AddressView add(String subject, AddressForm form) {
        return add(subject, form.details(), form.asksToBeDefault());
    }

    /** Replaces an address with a validated form's, for callers outside the module. */
    @Transactional
    public AddressView replace(String subject, long id, AddressForm form) {
        return replace(subject, id, form.details(), form.asksToBeDefault());
    }

    @Transactional
    AddressView add(String subject, AddressDetails details, boolean asDefault) {
        long accountId = accounts.lockAccountOf(subject);
        Address address = new Address(accountId, details, clock.instant());
        new Addresses(addresses.findByAccountId(accountId)).add(address, asDefault);
        return AddressView.of(addresses.save(address));
    }

    @Transactional
    AddressView replace(String subject, long id, AddressDetails details, boolean asDefault) {
        return AddressView.of(lockedBookOf(subject).replace(id, details, asDefault));
    }

    @Transactional
    public void remove(String subject, long id) {
        addresses.delete(lockedBookOf(subject).remove(id));
    }

    private Addresses lockedBookOf(String subject) {
        return new Addresses(addresses.findByAccountId(accounts.lockAccountOf(subject)));
    }

    /** An address as its owner sees it; the state as its code, with its name alongside. */
    public record AddressView(long id, String label, String recipientName, String phone, String line1, String line2,
            String landmark, String city, String state, String stateName, String pinCode, String gstin,
            boolean isDefault) {

        static AddressView of(Address address) {
            return new AddressView(address.id(), address.label(), address.recipientName(), address.phone(),
                    address.line1(), address.line2(), address.landmark(), address.city(), address.state().code(),
                    address.state().displayName(), address.pinCode(), address.gstin(), address.isDefault());
        }
    }
}
