namespace Phso.Modular.Tests.Infrastructure;

/// <summary>The demo accounts, by the role each demonstrates (see DemoPeople and the README).</summary>
public static class Demo
{
    public const string Admin = "admin@ombudsman.example";
    public const string Caseworker = "caseworker@ombudsman.example";
    public const string Publisher = "publisher@ombudsman.example";
    public const string Manager = "manager@ombudsman.example";
    public const string Coach = "coach@ombudsman.example";
    public const string EdiLead = "edilead@ombudsman.example";
    public const string Staff = "staff@ombudsman.example";
    public const string PartnerLead = "partnerlead@coldharbour.example";
    public const string PartnerHandler = "partnerhandler@coldharbour.example";
}
