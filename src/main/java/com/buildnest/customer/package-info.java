/**
 * Customers and staff: accounts, credentials (Argon2id), roles, sign-in sessions (access tokens
 * signed by a rotating key ring, refresh-token families), password resets by mail, and each
 * person's own profile and address book (Indian state, PIN code, GSTIN). In the embedded default
 * it creates a demo administrator whose login is printed at start-up.
 */
@ApplicationModule(displayName = "Customers and identity", allowedDependencies = { "shared", "platform",
        "platform :: web", "platform :: startup", "platform :: throttle", "notification" })
package com.buildnest.customer;

import org.springframework.modulith.ApplicationModule;
