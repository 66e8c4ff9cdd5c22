/**
 * Customers and staff: accounts, credentials (Argon2id) and roles, each person's own profile and address book (Indian state, PIN code, GSTIN). In the embedded default it creates a demo administrator whose login is printed at start-up.
 */
@ApplicationModule(displayName = "Customers and identity", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.customer;

import org.springframework.modulith.ApplicationModule;
