namespace Phso.Modules.Complaints.Features.ReadCases;

/// <summary>
/// How many cases each of the queue's filters holds, kept (as <c>ReferenceDataCache&lt;QueueCounts&gt;</c>) for its
/// lifetime: counting 40,000 open cases on every view of the queue was as costly as reading its page of rows. Any
/// change to a case saved through this host empties the counts at once (<c>ComplaintsDbContext</c>), so a caseworker
/// sees their own change counted; a change made on another host is counted there at once and here within the
/// lifetime. The rows shown are always read afresh.
/// </summary>
internal sealed class QueueCounts
{
    private QueueCounts()
    {
    }

    /// <summary>The filters that decide the count (not the sort or the page); "me" is the person asking.</summary>
    public static object KeyOf(ListCases request, Guid? me) =>
        (request.Stage, request.Priority, request.OrganisationId, request.Assigned == "me" ? $"person:{me}" : request.Assigned, request.Clock, request.IncludeEnded);
}
