package com.buildnest.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.buildnest.notification.Outbox.MailQueued;

/**
 * Sends queued mail over SMTP after the queuing transaction commits, and retries what failed.
 * Each mail is claimed with a conditional update first, so several replicas never send the same
 * mail twice; the SMTP conversation itself runs outside any database transaction.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int RETRY_BATCH = 50;

    private final MailRepository mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDelivery(MailRepository mails, ObjectProvider<JavaMailSender> sender, NotificationProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.mails = mails;
        this.sender = sender;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onQueued(MailQueued queued) {
        deliver(queued.mailId());
    }

    @Scheduled(fixedDelayString = "${buildnest.notification.retry-every:1m}",
            initialDelayString = "${buildnest.notification.retry-every:1m}")
    void retryUnsent() {
        if (sender.getIfAvailable() == null) {
            return;
        }
        mails.findSendable(properties.maxAttempts(), clock.instant(), PageRequest.of(0, RETRY_BATCH))
                .forEach(this::deliver);
    }

    void deliver(long mailId) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return; // no SMTP configured: the mail stays in the outbox for staff to read
        }
        Instant now = clock.instant();
        Mail mail = transactions.execute(status -> mails.claim(mailId, now, now.plus(CLAIM)) == 1
                ? mails.findById(mailId).orElse(null)
                : null);
        if (mail == null) {
            return; // already sent, or another replica is sending it
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            smtp.send(message);
            transactions.executeWithoutResult(status -> mails.markSent(mailId, clock.instant()));
        } catch (MailException failure) {
            log.warn("Mail {} not sent (attempt {}): {}", mailId, mail.attempts() + 1, failure.getMessage());
            String error = String.valueOf(failure.getMessage());
            transactions.executeWithoutResult(status -> mails.markFailed(mailId,
                    error.length() > 500 ? error.substring(0, 500) : error));
        }
    }
}
