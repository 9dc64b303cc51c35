namespace Phso.Modules.Complaints.Domain;

/// <summary>The organisation's own complaint handling happens in order: complaint, acknowledgement, final response.
/// Dates given out of that order are a typing slip, and the deadlines measured from them would be nonsense.</summary>
public static class BodyDates
{
    public const string Acknowledged = "AcknowledgedOn";
    public const string FinalResponse = "FinalResponseOn";

    /// <summary>What is out of order, by field; <paramref name="whoComplained"/> reads "you complained" or "they complained".</summary>
    public static IEnumerable<(string Field, string Message)> OutOfOrder(DateOnly? complained, DateOnly? acknowledged, DateOnly? finalResponse, string whoComplained)
    {
        if (acknowledged < complained)
        {
            yield return (Acknowledged, $"Date the organisation acknowledged the complaint must be on or after the date {whoComplained}");
        }

        if (finalResponse < complained)
        {
            yield return (FinalResponse, $"Date of the organisation's final response must be on or after the date {whoComplained}");
        }
        else if (finalResponse < acknowledged)
        {
            yield return (FinalResponse, "Date of the organisation's final response must be on or after the date it acknowledged the complaint");
        }
    }
}
