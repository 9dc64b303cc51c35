namespace Phso.Modules.Organisations.Pages.Organisations;

/// <summary>The model of the shared fields partial: the form is bound under the name "Input".</summary>
public sealed class OrganisationFieldsModel
{
    public OrganisationForm Input { get; set; } = new();
}
