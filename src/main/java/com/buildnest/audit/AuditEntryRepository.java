package com.buildnest.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    Page<AuditEntry> findByAccountId(Long accountId, Pageable pageable);

    Page<AuditEntry> findByAction(String action, Pageable pageable);
}
