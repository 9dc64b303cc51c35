using Phso.Modules.Training.Persistence;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Training;

/// <summary>Training: courses and their versions, enrolment, quizzes, completion and recurring mandatory training.</summary>
public sealed class TrainingModule : ModuleBase
{
    public override string Name => TrainingDbContext.Module;

    public override string Title => "Training";

    public override IReadOnlyCollection<string> DependsOn => ["accounts", "organisations", "notifications"];

    public override void ConfigureServices(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddDbContext<TrainingDbContext>();
    }
}
