using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Phso.SharedKernel.Web;

namespace Phso.Host.Composition;

/// <summary>
/// What the generated OpenAPI description says beyond the endpoints themselves, so that a client generator can trust
/// it: where the API is (the configured public address, never the request's), how callers sign in (the session
/// cookie), which operations need it, and the problem details every operation can answer with. Each endpoint names its
/// own operation (WithName) and summary (WithSummary). Redocly's recommended lint checks the result in the tests.
/// </summary>
internal static class ApiDescription
{
    public const string SessionScheme = "session";
    private const string Problem = "ProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Organisations"] = "The register of public bodies in remit and partner organisations.",
        ["Complaints"] = "Making a complaint, as the public form does.",
        ["Casework"] = "Cases from receipt to the final decision and its review, for caseworkers; timeliness for managers.",
        ["Partner organisations"] = "What a partner organisation's lead sees of provisional views about it, and their comments.",
    };

    public static void Describe(OpenApiOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Public Services Ombudsman: casework and learning API";
            document.Info.Description = "Signed-in callers use their session cookie (phso.auth, from signing in at /account/sign-in). " +
                "Refusals are RFC 9457 problem details: 400 lists the fields to fix under errors, keyed by the request's property names.";
            document.Info.License = new OpenApiLicense { Name = "Open Government Licence v3.0", Url = new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/") };
            if (PublicUrls.BaseUrlOf(configuration, environment) is { } baseUrl)
            {
                document.Servers = [new OpenApiServer { Url = baseUrl.TrimEnd('/') }];
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "phso.auth",
                Description = "The session cookie set by signing in.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[Problem] = ProblemSchema();
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            operation.Security = anonymous
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [] }];

            operation.Responses ??= new OpenApiResponses();
            var method = context.Description.HttpMethod ?? "GET";
            var parameters = context.Description.ParameterDescriptions;
            var hasInput = parameters.Any(p => p.Source.Id is "Body" or "Query" or "Form" or "FormFile");
            Add(operation, context, "400", "The request cannot be read or a value is not acceptable: errors names each field to fix.", hasInput);
            Add(operation, context, "401", "Nobody is signed in.", !anonymous);
            Add(operation, context, "403", "The signed-in person may not do this.", !anonymous);
            Add(operation, context, "404", "There is no such record (or the caller may not know of it).", parameters.Any(p => p.Source.Id == "Path") || method == "GET" && anonymous && hasInput);
            Add(operation, context, "409", "A rule of the record refuses it now, or someone changed it since it was read.", method is "POST" or "PUT" && !anonymous);
            Add(operation, context, "429", "Too many requests from this client: wait for the time Retry-After says.", anonymous);
            Exemplify(operation, context, metadata);
            return Task.CompletedTask;
        });
    }

    /// <summary>The endpoint's example body (<see cref="RequestExample"/>), as the API itself would write it.</summary>
    private static void Exemplify(OpenApiOperation operation, OpenApiOperationTransformerContext context, IList<object> metadata)
    {
        if (metadata.OfType<RequestExample>().LastOrDefault() is not { } example
            || operation.RequestBody?.Content?.TryGetValue("application/json", out var json) != true || json is null)
        {
            return;
        }

        var options = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        json.Example = JsonSerializer.SerializeToNode(example.Body, example.Body.GetType(), options);
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description, bool applies)
    {
        if (!applies || operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
            },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, in words." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For a 400: each field to fix (the request's property name), with what to do.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
