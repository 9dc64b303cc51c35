using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Phso.Modular.Tests.ApiClient;

/// <summary>The API as an organisation's system calls it: through the client Kiota generates from the OpenAPI
/// description (bash .ci/generate-api-client), over a browser's signed-in session.</summary>
public static class ApiClients
{
    public static PhsoApiClient Api(this HttpClient signedIn)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: signedIn)
        {
            BaseUrl = signedIn.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new PhsoApiClient(adapter);
    }
}
