package com.buildnest.partner;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeliveryAttemptRepository extends JpaRepository<DeliveryAttempt, Long> {

    List<DeliveryAttempt> findByDeliveryIdOrderByNumberAsc(long deliveryId);

    @Modifying
    @Query("delete from DeliveryAttempt a where a.deliveryId in :deliveryIds")
    int deleteByDeliveryIds(Collection<Long> deliveryIds);
}
