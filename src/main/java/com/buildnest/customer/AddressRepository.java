package com.buildnest.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AddressRepository extends JpaRepository<Address, Long> {

    List<Address> findByAccountId(long accountId);

    Optional<Address> findByIdAndAccountId(long id, long accountId);
}
