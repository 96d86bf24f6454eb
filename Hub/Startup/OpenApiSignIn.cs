using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordination.Hub.Startup;

/// <summary>
/// The OpenAPI document says what a partner's generated client must send and may be answered beyond each endpoint's own
/// refusals: the bearer token a signed-in endpoint needs (the scheme, and a requirement on each such operation) with
/// the 401 it answers without one, and the 413 any endpoint that reads a body answers one over the limit with. Both
/// are ProblemDetails, as every refusal is. Declared here once rather than on each of a hundred endpoints.
/// </summary>
public static class OpenApiSignIn
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string Scheme = "Bearer";

    public static OpenApiOptions DescribeSignInAndLimits(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The token from POST /api/auth/token (or /api/auth/refresh), as `Authorization: Bearer <token>`.",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                await ProblemAsync(operation, context, "401", "Unauthorized: no token, or one expired or ended", cancellationToken);
            }

            if (operation.RequestBody is not null)
            {
                await ProblemAsync(operation, context, "413", "Content Too Large: a body over the limit", cancellationToken);
            }
        });
    }

    /// <summary>Adds <paramref name="status"/> as a ProblemDetails answer, unless the endpoint names it itself.</summary>
    private static async Task ProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }

        // The same component every endpoint's own refusals refer to, not a copy of it inline in each operation.
        IOpenApiSchema schema = context.Document?.Components?.Schemas?.ContainsKey(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails)) == true
            ? new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document)
            : await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }
}
