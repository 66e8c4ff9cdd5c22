package com.buildnest.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailRepository extends JpaRepository<Mail, Long> {

    /** Claims an unsent mail for one sender for a while, so two replicas never send it twice. */
    @Modifying
    @Query("""
            update Mail m set m.claimedUntil = :until, m.attempts = m.attempts + 1
            where m.id = :id and m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now)""")
    int claim(Long id, Instant now, Instant until);

    @Modifying
    @Query("update Mail m set m.sentAt = :now, m.body = null, m.lastError = null where m.id = :id")
    int markSent(Long id, Instant now);

    @Modifying
    @Query("update Mail m set m.lastError = :error, m.claimedUntil = null where m.id = :id")
    int markFailed(Long id, String error);

    @Query("""
            select m.id from Mail m where m.sentAt is null and m.attempts < :maxAttempts
            and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id""")
    List<Long> findSendable(int maxAttempts, Instant now, Pageable pageable);

    Page<Mail> findAllByOrderByIdDesc(Pageable pageable);
}
