package com.buildnest.notification;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.buildnest.shared.BusinessRuleViolation;

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
    private final ObjectProvider<JavaMailSender> smtp;

    Outbox(MailRepository mails, ApplicationEventPublisher events, Clock clock, ObjectProvider<JavaMailSender> smtp) {
        this.mails = mails;
        this.events = events;
        this.clock = clock;
        this.smtp = smtp;
    }

    /**
     * Whether mail leaves over SMTP ({@code spring.mail.host} is set): then this outbox only lists
     * what was sent, and a sent mail's text is gone. Without SMTP (the embedded default) every mail
     * stays here, text and all, for staff to read.
     */
    public boolean deliversOverSmtp() {
        return smtp.getIfAvailable() != null;
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

    /** The outbox, newest first, at most 100 a page. */
    @Transactional(readOnly = true)
    public Page<MailView> recent(int page, int size) {
        return mails.findAllByOrderByIdDesc(PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE))).map(MailView::of);
    }

    /** One mail; {@code notification.mail-not-found} if there is none with this id. */
    @Transactional(readOnly = true)
    public MailView mail(long id) {
        return mails.findById(id).map(MailView::of).orElseThrow(() -> BusinessRuleViolation.notFound(
                "notification.mail-not-found", "No mail with id " + id + " is in the outbox."));
    }

    /**
     * A mail as staff see it in the outbox. {@code body} is null once the mail was sent: it may have
     * held a one-time link.
     */
    public record MailView(long id, String recipient, String subject, String body, Instant createdAt,
            Instant sentAt, int attempts, String lastError) {
        /** {@code sent}, {@code failed} (sending was tried and will be retried or given up) or {@code not sent}. */
        public String status() {
            return sentAt != null ? "sent" : lastError != null ? "failed" : "not sent";
        }

        static MailView of(Mail mail) {
            return new MailView(mail.id(), mail.recipient(), mail.subject(), mail.body(), mail.createdAt(),
                    mail.sentAt(), mail.attempts(), mail.lastError());
        }
    }
}
