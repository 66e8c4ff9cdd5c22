/**
 * The web contract every module shares: RFC 9457 problem bodies with stable codes, request ids,
 * the request size limit and the page envelope of list endpoints.
 */
@NamedInterface("web")
package com.buildnest.platform.web;

import org.springframework.modulith.NamedInterface;
