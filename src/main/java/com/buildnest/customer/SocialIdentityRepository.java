package com.buildnest.customer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SocialIdentityRepository extends JpaRepository<SocialIdentity, Long> {

    Optional<SocialIdentity> findByProviderAndSubject(String provider, String subject);
}
