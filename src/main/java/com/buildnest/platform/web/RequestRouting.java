package com.buildnest.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Routes requests to controllers with {@link LiteralPrefixRequestMapping} in place of Spring's own mapping. */
@Configuration(proxyBeanMethods = false)
class RequestRouting {

    @Bean
    WebMvcRegistrations literalPrefixRouting() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixRequestMapping();
            }
        };
    }
}
