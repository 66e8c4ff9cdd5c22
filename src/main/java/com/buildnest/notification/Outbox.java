package com.buildnest.notification;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where other modules hand over mail. A mail is written in the caller's transaction, so it exists
 * exactly when the change that caused it commits, and it is sent only after that commit: at once
 * if an SMTP server is configured, retried later if sending fails. Without SMTP (the embedded
 * default) mail stays here for staff to read.
 */
@Service
public class Outbox {

    static final int MAX_PAGE_SIZE = 100;

    private final MailRepository mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(MailRepository mails, ApplicationEventPublisher events, Clock clock) {
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** Queues a plain-text mail; must be called inside the transaction of the change it reports. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String recipient, String subject, String body) {
        Mail mail = mails.save(new Mail(recipient, subject, body, clock.instant()));
        events.publishEvent(new MailQueued(mail.id()));
    }

    /** Announces a new mail to {@link MailDelivery}, which acts only once the transaction commits. */
    record MailQueued(long mailId) {
    }

    @Transactional(readOnly = true)
    Page<MailView> recent(int page, int size) {
        return mails.findAllByOrderByIdDesc(PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE))).map(MailView::of);
    }

    /** A mail as staff see it in the outbox. */
    record MailView(long id, String recipient, String subject, String body, Instant createdAt,
            Instant sentAt, int attempts, String lastError) {
        static MailView of(Mail mail) {
            return new MailView(mail.id(), mail.recipient(), mail.subject(), mail.body(), mail.createdAt(),
                    mail.sentAt(), mail.attempts(), mail.lastError());
        }
    }
}
