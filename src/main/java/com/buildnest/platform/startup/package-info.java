/**
 * Checks made before the application opens its port. In the {@code prod} profile each module may
 * contribute a {@link com.buildnest.platform.startup.ProductionSettingsCheck} (registered in
 * {@code META-INF/spring.factories}); any problem stops the start with one message per problem.
 */
@NamedInterface("startup")
package com.buildnest.platform.startup;

import org.springframework.modulith.NamedInterface;
