namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Real time plus an offset the test controls, so that cookies stay valid while retry delays, due dates
/// and lockouts can be passed without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Moves to a given moment (for tests that count days and months from fixed dates); sign in after it.</summary>
    public void SetTo(DateTimeOffset at) => _offset = at - System.GetUtcNow();
}
