package com.buildnest.ordering;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckoutRequestRepository extends JpaRepository<CheckoutRequest, CheckoutRequest.Key> {
}
