package com.buildnest.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * Found by the fault drill (ops/faults/run.sh, docs/reliability.md, Faults): MariaDB killed under
 * load made a checkout and a payment verification answer 500. Their transactions lost the
 * connection mid-way; the pool closed it, the rollback failed on the closed connection, and Spring
 * threw that rollback failure (a JpaSystemException) in place of the lost-connection error. Such a
 * failure is the database being gone, and the client is told so: 503 with Retry-After.
 */
class LostDatabaseProblemTests {

    final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    final MockHttpServletRequest checkout = new MockHttpServletRequest("POST", "/api/checkout");

    @Test
    void aRollbackThatFailedOnTheClosedConnectionIsTheDatabaseBeingUnavailable() throws Exception {
        JpaSystemException rollbackFailed = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        ResponseEntity<ProblemDetail> answer = advice.unexpected(rollbackFailed, checkout);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "platform.database-unavailable");
    }

    @Test
    void aTransactionFailureWithoutAnyDatabaseErrorBehindItIsStillAnUnexpectedFailure() throws Exception {
        JpaSystemException misuse = new JpaSystemException(new TransactionException("Transaction already active"));

        ResponseEntity<ProblemDetail> answer = advice.unexpected(misuse, checkout);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "platform.internal-error");
    }
}
