package com.buildnest.customer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TokenRevocationRepository extends JpaRepository<TokenRevocation, Long> {

    Optional<TokenRevocation> findFirstByOrderByIdDesc();
}
