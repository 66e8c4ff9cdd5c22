package com.buildnest.ordering;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CheckoutRequestRepository extends JpaRepository<CheckoutRequest, CheckoutRequest.Key> {

    /**
     * Notes the order a request placed, in one statement. The key's columns are compared one by one:
     * MariaDB does not use the primary key for a row-value comparison and would lock every row it scans.
     */
    @Modifying
    @Query("""
            update CheckoutRequest r set r.orderNumber = :orderNumber
            where r.key.accountId = :accountId and r.key.idempotencyKey = :idempotencyKey""")
    int answered(long accountId, String idempotencyKey, String orderNumber);
}
