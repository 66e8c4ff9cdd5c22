/**
 * The audit log: who did what and when (accounts, sign-ins, keys, the catalogue, stock received or
 * adjusted by hand, every move of an order), built from events, never holding a secret.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "platform", "platform :: web", "platform :: secrets", "customer", "catalog",
        "inventory", "ordering", "partner", "review" })
package com.buildnest.audit;

import org.springframework.modulith.ApplicationModule;
