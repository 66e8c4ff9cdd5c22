package com.buildnest.ordering;

import org.springframework.data.jpa.repository.JpaRepository;

/** Checkout requests by their key; each is inserted with the number of the order it places. */
interface CheckoutRequestRepository extends JpaRepository<CheckoutRequest, CheckoutRequest.Key> {
}
