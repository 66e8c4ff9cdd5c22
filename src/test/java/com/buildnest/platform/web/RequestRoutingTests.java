package com.buildnest.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.buildnest.testing.BuildNestTest;

@BuildNestTest
class RequestRoutingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void controllersAreReachedThroughTheLiteralPrefixMapping() {
        assertThat(mapping).isInstanceOf(LiteralPrefixRequestMapping.class);
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(50);
    }
}
