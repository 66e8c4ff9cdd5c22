package com.buildnest.platform.secrets;

import java.time.Instant;

/**
 * A replica took up a rotated secret from the mounted directory. {@code detail} names what
 * changed (a database user name, which of the payment secrets) and never holds a secret.
 */
public record SecretReloaded(String secret, String detail, Instant at) {
}
