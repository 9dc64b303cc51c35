using Phso.SharedKernel.Messaging;

namespace Phso.TestModules.Sender.Contracts;

/// <summary>Creates a widget and publishes <see cref="WidgetCreated"/> in the same transaction. A name of
/// "explode" fails after publishing, to prove the event is not saved without the change.</summary>
[AnyCaller]
public sealed record CreateWidget(string Name) : ICommand<Guid>;

/// <summary>A widget was created in the sender module.</summary>
public sealed record WidgetCreated(Guid WidgetId, string Name) : IIntegrationEvent;
