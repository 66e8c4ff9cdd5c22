package com.buildnest.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Spends a token only if nobody spent or revoked it first; 1 when this caller won. */
    @Modifying
    @Query("update RefreshToken t set t.spentAt = :now where t.id = :id and t.spentAt is null and t.revokedAt is null")
    int spend(Long id, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
    int revokeFamily(String familyId, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.accountId = :accountId and t.revokedAt is null")
    int revokeAllOf(Long accountId, Instant now);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :now where t.revokedAt is null")
    int revokeEverything(Instant now);

    /** The accounts holding a session that is still usable at {@code now}. */
    @Query("select distinct t.accountId from RefreshToken t where t.revokedAt is null and t.spentAt is null"
            + " and t.expiresAt > :now")
    List<Long> accountsSignedInAt(Instant now);
}
