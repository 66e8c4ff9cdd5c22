/**
 * Shared kernel: value types every module speaks — {@link com.buildnest.shared.Money} in exact paise and {@link com.buildnest.shared.BusinessRuleViolation}, the exception a domain raises when a rule refuses an action. It depends on nothing else in BuildNest.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package com.buildnest.shared;

import org.springframework.modulith.ApplicationModule;
