/**
 * Platform plumbing that is not a business capability: the RFC 9457 error contract, request ids, request throttling (rate limits), security filter chain and JWT key material, start-up checks for the {@code prod} profile, the local data directory of the embedded default, and the freshness of backups as a metric. Business modules may use its published interfaces; it never calls a business module.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package com.buildnest.platform;

import org.springframework.modulith.ApplicationModule;
