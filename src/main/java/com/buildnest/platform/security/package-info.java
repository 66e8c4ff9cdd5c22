/**
 * The HTTP security filter chain: stateless bearer-token authentication (the token decoder is
 * contributed by the identity module), problem bodies for 401 and 403, and the rule that a path
 * no controller serves answers 404 rather than asking for credentials. {@link
 * com.buildnest.platform.security.BrowserProtections} is shared with the storefront's page chain.
 */
@NamedInterface("security")
package com.buildnest.platform.security;

import org.springframework.modulith.NamedInterface;
