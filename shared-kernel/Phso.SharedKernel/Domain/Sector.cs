namespace Phso.SharedKernel.Domain;

/// <summary>Which side of the ombudsman's remit an organisation or a complaint falls in. Every module that deals with
/// casework needs it (complaints, recommendations, publication), so it lives here rather than in one module.</summary>
public enum Sector
{
    /// <summary>The NHS in England: complaints come direct from the public.</summary>
    Health,

    /// <summary>UK government departments and other public bodies: complaints are referred by an MP.</summary>
    Parliamentary,
}
