using Microsoft.AspNetCore.Builder;

namespace Phso.SharedKernel.Web;

/// <summary>An example of an endpoint's request body, for its OpenAPI description: what a client developer copies
/// first. It is serialised with the API's own JSON options, and the tests' lint checks it against the body's schema.</summary>
public sealed record RequestExample(object Body);

public static class ApiExamples
{
    /// <summary>Describes the endpoint's request body with <paramref name="body"/> as its example. Use fixed values
    /// (no new ids or today's date), so that the description is the same on every run.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object body)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(body);
        return builder.WithMetadata(new RequestExample(body));
    }
}
