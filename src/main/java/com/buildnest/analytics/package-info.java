/**
 * Sales reporting built from business events into its own tables.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: startup" })
package com.buildnest.analytics;

import org.springframework.modulith.ApplicationModule;
