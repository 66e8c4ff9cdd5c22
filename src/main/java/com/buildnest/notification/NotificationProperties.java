package com.buildnest.notification;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} mail stays in the outbox for staff to read (embedded default).
 *
 * @param from the sender address of every mail
 * @param retryEvery how often unsent mail is retried
 * @param maxAttempts attempts before a mail is given up (it stays in the outbox, with its error)
 */
@Validated
@ConfigurationProperties("buildnest.notification")
public record NotificationProperties(@NotBlank @Email @DefaultValue("orders@buildnest.localhost") String from,
        @NotNull @DefaultValue("1m") Duration retryEvery, @DefaultValue("5") int maxAttempts) {
}
