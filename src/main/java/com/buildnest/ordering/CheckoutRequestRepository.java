package com.buildnest.ordering;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CheckoutRequestRepository extends JpaRepository<CheckoutRequest, CheckoutRequest.Key> {

    /** Notes the order a request placed, in one statement. */
    @Modifying
    @Query("update CheckoutRequest r set r.orderNumber = :orderNumber where r.key = :key")
    int answered(CheckoutRequest.Key key, String orderNumber);
}
