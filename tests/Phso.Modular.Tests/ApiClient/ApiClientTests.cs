using System.Text.Json.Nodes;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modular.Tests.Plugins;

namespace Phso.Modular.Tests.ApiClient;

/// <summary>The client the API tests use is generated from the description the host serves today.</summary>
[Collection(DemoHostCollection.Name)]
public sealed class ApiClientTests(PhsoFactory host)
{
    [Fact]
    public async Task The_description_the_client_was_generated_from_is_the_one_the_host_serves()
    {
        var served = JsonNode.Parse(await host.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPlugins.RepositoryRoot(), "tests", "Phso.Modular.Tests", "ApiClient", "openapi.json")));
        Assert.True(JsonNode.DeepEquals(served, saved), "The API's description has changed since its client was generated: run bash .ci/generate-api-client and commit the result.");
    }
}
