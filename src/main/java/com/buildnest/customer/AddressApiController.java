package com.buildnest.customer;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.customer.AddressBook.AddressView;

/** The signed-in person's own address book, whatever their role. */
@RestController
@RequestMapping("/api/me/addresses")
class AddressApiController {

    private final AddressBook addressBook;

    AddressApiController(AddressBook addressBook) {
        this.addressBook = addressBook;
    }

    @GetMapping
    List<AddressView> addresses(@AuthenticationPrincipal Jwt token) {
        return addressBook.addressesOf(token.getSubject());
    }

    @GetMapping("/{id}")
    AddressView address(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        return addressBook.address(token.getSubject(), id);
    }

    @PostMapping
    ResponseEntity<AddressView> add(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AddressForm form) {
        AddressView added = addressBook.add(token.getSubject(), form.details(), form.asksToBeDefault());
        return ResponseEntity.created(URI.create("/api/me/addresses/" + added.id())).body(added);
    }

    @PutMapping("/{id}")
    AddressView replace(@AuthenticationPrincipal Jwt token, @PathVariable long id,
            @Valid @RequestBody AddressForm form) {
        return addressBook.replace(token.getSubject(), id, form.details(), form.asksToBeDefault());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt token, @PathVariable long id) {
        addressBook.remove(token.getSubject(), id);
    }
}
