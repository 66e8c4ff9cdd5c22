package com.buildnest.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    Page<AuditEntry> findByAccountId(Long accountId, Pageable pageable);

    Page<AuditEntry> findByAction(String action, Pageable pageable);
}
