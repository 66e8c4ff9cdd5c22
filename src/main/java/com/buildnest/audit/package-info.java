/**
 * The audit log: who did what and when, built from events, never holding a secret.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "platform", "platform :: web", "customer", "catalog",
        "review" })
package com.buildnest.audit;

import org.springframework.modulith.ApplicationModule;
