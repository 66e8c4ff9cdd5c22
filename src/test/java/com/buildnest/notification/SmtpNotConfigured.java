package com.buildnest.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The notification module as it runs with no SMTP server configured (the embedded default), for
 * tests of the pages that show it: until {@link #close}, the shared context's {@link Outbox} and
 * {@link MailDelivery} find no mail sender, so a mail queued meanwhile is not sent and keeps its text,
 * and the outbox says which mode it is in; then both go back to the tests' SMTP server. One test at
 * a time: the shared context is shared.
 */
public final class SmtpNotConfigured implements AutoCloseable {

    private static final ObjectProvider<JavaMailSender> NO_SENDER = new StaticListableBeanFactory()
            .getBeanProvider(JavaMailSender.class);

    private final Outbox outbox;
    private final MailDelivery delivery;
    private final Object outboxSender;
    private final Object deliverySender;

    public SmtpNotConfigured(ApplicationContext context) {
        outbox = AopTestUtils.getUltimateTargetObject(context.getBean(Outbox.class));
        delivery = AopTestUtils.getUltimateTargetObject(context.getBean(MailDelivery.class));
        outboxSender = ReflectionTestUtils.getField(outbox, "smtp");
        deliverySender = ReflectionTestUtils.getField(delivery, "sender");
        ReflectionTestUtils.setField(delivery, "sender", NO_SENDER);
        ReflectionTestUtils.setField(outbox, "smtp", NO_SENDER);
    }

    @Override
    public void close() {
        ReflectionTestUtils.setField(outbox, "smtp", outboxSender);
        ReflectionTestUtils.setField(delivery, "sender", deliverySender);
    }
}
