namespace Phso.Modules.Complaints.Domain;

/// <summary>Words for people about declines and signposts.</summary>
public static class CaseText
{
    public static string Describe(this DeclineReason reason) => reason switch
    {
        DeclineReason.NotInRemit => "The organisation is not one we can look at",
        DeclineReason.NoInjustice => "The complaint does not claim an injustice caused by maladministration or service failure",
        DeclineReason.NotASuitablePerson => "It is not made by the person affected or someone who may act for them",
        DeclineReason.OutOfTime => "It was made more than 12 months after the person became aware of the problem",
        DeclineReason.Premature => "The organisation has not finished its own complaints procedure",
        DeclineReason.NoMpReferral => "An MP has not referred it",
        DeclineReason.AlternativeRemedy => "A court or tribunal could deal with it",
        DeclineReason.CannotAddValue => "We could not achieve anything more for the person",
        _ => reason.ToString(),
    };

    /// <summary>Where else the person may be able to go, as we tell them.</summary>
    public static string Signpost(Signpost signpost) => signpost switch
    {
        Domain.Signpost.BodyComplaintsProcedure => "Please complain to the organisation first and let them finish their complaints procedure. If you are still unhappy after their final response, you can come back to us.",
        Domain.Signpost.CourtOrTribunal => "A court or tribunal may be able to help you. Citizens Advice can tell you more about your options.",
        Domain.Signpost.LocalGovernmentOmbudsman => "The Local Government and Social Care Ombudsman looks at complaints about councils and adult social care.",
        Domain.Signpost.ScottishOmbudsman => "The Scottish Public Services Ombudsman looks at complaints about public services in Scotland.",
        Domain.Signpost.WelshOmbudsman => "The Public Services Ombudsman for Wales looks at complaints about public services in Wales.",
        Domain.Signpost.NorthernIrelandOmbudsman => "The Northern Ireland Public Services Ombudsman looks at complaints about public services in Northern Ireland.",
        Domain.Signpost.AnMp => "Complaints about government departments must come to us through an MP. Any MP can refer your complaint: ask them to send it to us.",
        Domain.Signpost.Regulator => "The regulator for this kind of service may be able to help.",
        _ => "We have explained above where else you may be able to get help.",
    };

    public static string Describe(this Signpost signpost) => signpost switch
    {
        Domain.Signpost.BodyComplaintsProcedure => "The organisation's own complaints procedure",
        Domain.Signpost.CourtOrTribunal => "A court or tribunal",
        Domain.Signpost.LocalGovernmentOmbudsman => "Local Government and Social Care Ombudsman",
        Domain.Signpost.ScottishOmbudsman => "Scottish Public Services Ombudsman",
        Domain.Signpost.WelshOmbudsman => "Public Services Ombudsman for Wales",
        Domain.Signpost.NorthernIrelandOmbudsman => "Northern Ireland Public Services Ombudsman",
        Domain.Signpost.AnMp => "An MP (to refer the complaint)",
        Domain.Signpost.Regulator => "A regulator",
        _ => "Somewhere else (explained in the message)",
    };
}
