package dev.tollgate.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The frame of {@code /v3/api-docs}: API.md's title, version and bearer-token authentication,
 * and what springdoc cannot see in the controllers: the problem details every refusal carries,
 * 201 from an upsert that created, 204 from a delete, JSON rather than any media type.
 */
@Configuration
class OpenApiDocument {

    private static final String PROBLEM = "application/problem+json";
    /** The paths that take metrics, where a saturated server answers 429. */
    private static final Set<String> METRIC_WRITES = Set.of("/api/v1/metrics", "/api/v1/write", "/write",
            "/api/v2/write");

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

    @Bean
    OpenApiCustomizer refusalsAndStatuses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.values().forEach(OpenApiDocument::answerJson);
        ApiResponse ok = responses.get("200");
        boolean pathVariable = path.contains("{");
        if (method == PathItem.HttpMethod.PUT && pathVariable && ok != null) {
            responses.addApiResponse("201", new ApiResponse().description("Created").content(ok.getContent()));
        }
        if (method == PathItem.HttpMethod.DELETE && ok != null && ok.getContent() == null) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Deleted"));
        }
        // The metric writes read their body themselves (gzip, line protocol), so springdoc sees none.
        boolean body = operation.getRequestBody() != null || METRIC_WRITES.contains(path);
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
        if (body || query) {
            refusal(responses, "400", "Invalid input: the problem's errors name every offending item");
        }
        refusal(responses, "401", "No valid credentials");
        refusal(responses, "403", "The token lacks the scope, or is bound to another team");
        if (pathVariable && method != PathItem.HttpMethod.PUT) {
            refusal(responses, "404", "Not found");
        }
        if (method == PathItem.HttpMethod.DELETE && path.equals("/api/v1/teams/{team}")) {
            refusal(responses, "409", "The team still owns services");
        }
        if (body) {
            refusal(responses, "413", "The body is over 10 MiB, or carries over 100,000 points");
            refusal(responses, "415", "A media type this endpoint does not take");
        }
        if (METRIC_WRITES.contains(path) && method == PathItem.HttpMethod.POST) {
            refusal(responses, "429", "Ingestion is saturated, or too many requests with bad tokens came from this "
                    + "address: retry after the Retry-After seconds");
        }
        refusal(responses, "503", path.equals("/api/v1/gate-evaluations") && method == PathItem.HttpMethod.POST
                ? "The database is unavailable or refuses writes: the problem carries verdict STOP, the reason and recorded false;"
                        + " retry after the Retry-After seconds"
                : "A store is unavailable (the database or InfluxDB down or restarting, or the data folder full): retry after the Retry-After seconds");
        refusal(responses, "429", "Too many requests with bad tokens came from this address: retry after the "
                + "Retry-After seconds");
    }

    /** springdoc says {@code *}{@code /*} where a mapping names no media type; every answer is JSON. */
    private static void answerJson(ApiResponse response) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
        }
    }

    private static void refusal(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("pointer", new StringSchema().description("JSON pointer or parameter name"))
                .addProperty("line", new IntegerSchema().description("line number, for line protocol"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .properties(new java.util.LinkedHashMap<>(Map.of(
                        "type", new StringSchema(), "title", new StringSchema(), "status", new IntegerSchema(),
                        "detail", new StringSchema(), "instance", new StringSchema(),
                        "errors", new ArraySchema().items(violation))))
                .required(List.of("type", "title", "status"));
    }
}
