package dev.tollgate.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The frame of {@code /v3/api-docs}: API.md's title, version and bearer-token authentication. */
@Configuration
class OpenApiDocument {

    @Bean
    OpenAPI tollgateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tollgate HTTP API").version("1")
                        .description("Scorecards and a promotion gate for two-pizza teams. Times are RFC 3339 with an "
                                + "offset or epoch milliseconds; errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token; its scopes decide what it may do")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
