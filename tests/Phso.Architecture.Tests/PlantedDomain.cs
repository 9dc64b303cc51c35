namespace Phso.Architecture.Tests.Planted.Domain;

// A deliberate violation of DomainRefusesNoField: a domain object that refuses a request's property.

public sealed record PlantedRename(string? Name);

public sealed class PlantedDomainObject
{
    public string Name { get; private set; } = "";

    public void Rename(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Phso.SharedKernel.Messaging.RequestValidationException.For<PlantedRename>(r => r.Name, "Enter the name");
        }

        Name = name;
    }
}
