using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Phso.SharedKernel.Files;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Recommendations.Features.BodyResponses;

/// <summary>Evidence files bodies send: PDF and images only, recognised by content, at most 10 MB, kept under the data
/// folder (outside the web root) with their SHA-256 and only ever served as downloads. A file is kept before the
/// command that records it is sent; the page deletes it again when the command is refused.</summary>
public sealed class EvidenceFiles(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private string Root => Path.Combine(ModularMonolith.DataFolder(configuration, environment), "recommendation-evidence");

    public async Task<KeptEvidenceFile> KeepAsync(Guid recommendationId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var file = await CheckedFiles.WriteAsync(PathOf(recommendationId, id), content, MaxBytes, cancellationToken);
        return new KeptEvidenceFile(id, CheckedFiles.CleanName(fileName), file.ContentType, file.Size, file.Sha256);
    }

    public void Forget(Guid recommendationId, Guid fileId) => File.Delete(PathOf(recommendationId, fileId));

    public Stream Open(Guid recommendationId, Guid fileId) => File.OpenRead(PathOf(recommendationId, fileId));

    private string PathOf(Guid recommendationId, Guid fileId) => Path.Combine(Root, recommendationId.ToString("N"), fileId.ToString("N"));
}
