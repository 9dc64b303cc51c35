using Phso.Modules.Publication.Anonymisation;
using Phso.Modules.Publication.Persistence;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Publication;

/// <summary>The Publication module: anonymised casework published so that public services learn from mistakes. So far
/// the anonymisation pipeline and its command line (<c>publication-anonymise</c>); drafts, approval and the public
/// search follow (modules/publication/README.md).</summary>
public sealed class PublicationModule : ModuleBase
{
    public override string Name => PublicationDbContext.Module;

    public override string Title => "Publication";

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<PublicationDbContext, PublicationPostgreSqlDbContext>();
    }

    public override IReadOnlyList<ModuleCommand> Commands => [AnonymiseCommand.Create()];
}
