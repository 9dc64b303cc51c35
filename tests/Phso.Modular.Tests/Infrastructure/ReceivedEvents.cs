using MediatR;
using Phso.Modules.Complaints.Contracts;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Integration events the outbox delivered to a handler outside the modules, as another module would receive them.</summary>
public sealed class ReceivedEvents
{
    private readonly List<object> _events = [];

    public IReadOnlyList<T> Of<T>()
    {
        lock (_events)
        {
            return [.. _events.OfType<T>()];
        }
    }

    internal void Add(object received)
    {
        lock (_events)
        {
            _events.Add(received);
        }
    }
}

internal sealed class RecordComplaintDecided(ReceivedEvents received) : INotificationHandler<ComplaintDecided>
{
    public Task Handle(ComplaintDecided notification, CancellationToken cancellationToken)
    {
        received.Add(notification);
        return Task.CompletedTask;
    }
}

internal sealed class RecordCourseCompleted(ReceivedEvents received) : INotificationHandler<Phso.Modules.Training.Contracts.CourseCompleted>
{
    public Task Handle(Phso.Modules.Training.Contracts.CourseCompleted notification, CancellationToken cancellationToken)
    {
        received.Add(notification);
        return Task.CompletedTask;
    }
}
