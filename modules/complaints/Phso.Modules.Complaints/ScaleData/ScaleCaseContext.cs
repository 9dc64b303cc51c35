using Bogus;
using Phso.Modules.Accounts.Contracts;
using Phso.Modules.Complaints.Domain;
using Phso.Modules.Organisations.Contracts;
using Phso.SharedKernel.Time;

namespace Phso.Modules.Complaints.ScaleData;

/// <summary>What every invented case draws on: the register's bodies (weighted: large bodies get more complaints),
/// the caseworkers, the rules, and the working days back from today.</summary>
internal sealed class ScaleCaseContext
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly OrganisationSummary[] _bodies;
    private readonly double[] _cumulativeWeights;
    private readonly Actor[] _caseworkers;
    private readonly DateOnly[] _workingDays;

    public ScaleCaseContext(IReadOnlyList<OrganisationSummary> bodies, IReadOnlyList<PersonSummary> caseworkers, CharterClockRules rules, ComplaintsOptions options,
        IWorkingDayCalendar calendar, CaseTime now, int workingDaysBack)
    {
        _bodies = [.. bodies.Where(b => b.ClosedOn is null)];
        var total = 0.0;
        _cumulativeWeights = [.. _bodies.Select(b => total += Weight(b))];
        _caseworkers = [.. caseworkers.Where(p => p.IsActive).Select(p => new Actor(p.Id, p.DisplayName))];
        Rules = rules;
        Options = options;
        Calendar = calendar;
        Now = now;
        _workingDays = new DateOnly[workingDaysBack + 1];
        var day = now.Today;
        for (var ago = 0; ago <= workingDaysBack; ago++)
        {
            _workingDays[ago] = day = ago == 0 ? day : calendar.AddWorkingDays(day, -1, Nation.England);
        }
    }

    public CharterClockRules Rules { get; }

    public ComplaintsOptions Options { get; }

    public IWorkingDayCalendar Calendar { get; }

    public CaseTime Now { get; }

    public int WorkingDaysBack => _workingDays.Length - 1;

    public bool HasCaseworkers => _caseworkers.Length > 0;

    public OrganisationSummary PickBody(Faker faker)
    {
        var roll = faker.Random.Double() * _cumulativeWeights[^1];
        var index = Array.BinarySearch(_cumulativeWeights, roll);
        return _bodies[Math.Min(_bodies.Length - 1, index < 0 ? ~index : index)];
    }

    public Actor PickCaseworker(Faker faker) => faker.PickRandom(_caseworkers);

    /// <summary>A moment some working days ago (England's calendar), at an hour of the working day.</summary>
    public CaseTime At(int workingDaysAgo, int hour = 11)
    {
        var day = _workingDays[Math.Clamp(workingDaysAgo, 1, WorkingDaysBack)];
        var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified), UkTime);
        return new CaseTime(new DateTimeOffset(utc, TimeSpan.Zero), day);
    }

    /// <summary>Hospitals and departments hear from far more people than a GP practice.</summary>
    private static double Weight(OrganisationSummary body) => body.Type switch
    {
        OrganisationType.GovernmentDepartment => 40,
        OrganisationType.NhsTrust => 12,
        OrganisationType.IntegratedCareBoard => 4,
        OrganisationType.GpPractice => 1,
        _ => 3,
    };
}
