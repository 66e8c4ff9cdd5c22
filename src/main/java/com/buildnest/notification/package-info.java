/**
 * Mail to customers and staff, sent after the transaction that caused it has committed.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.notification;

import org.springframework.modulith.ApplicationModule;
