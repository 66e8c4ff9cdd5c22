/**
 * Request throttling: named token-bucket limits (attempts per client address, per account, ...)
 * that other modules consume before doing costly or abusable work such as checking a password or
 * sending a reset mail. Buckets live in Redis when Redis is configured, so every replica counts
 * against the same limit, and in process otherwise; when Redis fails or is slow a check falls back
 * to an in-process bucket, so a limit is never lifted and never turns into a server error. Also
 * here: the trusted-proxy rule that decides which client address a request comes from.
 */
@NamedInterface("throttle")
package com.buildnest.platform.throttle;

import org.springframework.modulith.NamedInterface;
