namespace Phso.Modules.Training;

public static class TrainingPolicies
{
    /// <summary>Anyone who learns here: every member of staff, and partner organisations' handlers and leads.</summary>
    public const string Learn = "Training.Learn";

    /// <summary>Admins: write, import, publish, export and retire courses.</summary>
    public const string Author = "Training.Author";
}
