namespace Phso.Modules.Training;

public static class TrainingPolicies
{
    /// <summary>Anyone who learns here: every member of staff, and partner organisations' handlers and leads.</summary>
    public const string Learn = "Training.Learn";

    /// <summary>Admins: write, import, publish, export and retire courses.</summary>
    public const string Author = "Training.Author";

    /// <summary>Admins, and managers for their own direct reports: assign courses.</summary>
    public const string Assign = "Training.Assign";

    /// <summary>Managers: their direct reports' training.</summary>
    public const string Team = "Training.Team";

    /// <summary>Partner leads: their own organisation's handlers' training, and nobody else's.</summary>
    public const string Organisation = "Training.Organisation";
}
