package com.buildnest.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The title, version and bearer-token scheme of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI buildNestApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("BuildNest API")
                        .description("Building materials shop: catalogue, cart, checkout, payments and administration. "
                                + "Errors are RFC 9457 problem details with a stable `code`.")
                        .version(properties != null ? properties.getVersion() : "development")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
