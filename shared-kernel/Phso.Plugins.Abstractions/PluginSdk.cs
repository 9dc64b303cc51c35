namespace Phso.Plugins.Abstractions;

/// <summary>
/// The SDK's own semantic version. A plugin's manifest states the lowest and highest SDK versions it works with; the
/// host refuses a plugin whose range does not include this version, before loading any of its code.
/// </summary>
public static class PluginSdk
{
    /// <summary>This SDK's version: a new major version may break plugins, a new minor version only adds.</summary>
    public static Version Version { get; } = new(1, 0, 0);
}

/// <summary>
/// A plugin's entry point: the manifest's <c>entryType</c> names a public class implementing this interface with a
/// public parameterless constructor. The host creates it once and calls <see cref="Register"/>.
/// </summary>
public interface IPartnerPlugin
{
    /// <summary>Declares what the plugin brings. Called once, when the plugin is enabled; it should only describe, not
    /// do work, and must return quickly (the host gives it a few seconds).</summary>
    /// <param name="registry">Where to declare the plugin's standards, intake questions and courses.</param>
    void Register(IPluginRegistry registry);
}

/// <summary>What a plugin can add to the platform. Each method may be called any number of times.</summary>
public interface IPluginRegistry
{
    /// <summary>Adds a local complaint standard for the organisations it names.</summary>
    /// <param name="standard">The standard.</param>
    void AddComplaintStandard(IComplaintStandard standard);

    /// <summary>Adds questions to the public complaint form, asked only about the organisations named.</summary>
    /// <param name="questions">The questions and who they are for.</param>
    void AddIntakeQuestions(IntakeQuestionSet questions);

    /// <summary>Adds a course (a folder in the plugin's package, in the training module's course package format: a
    /// <c>course.json</c>, Markdown lessons and an <c>images</c> folder) for the named organisations' handlers only.</summary>
    /// <param name="course">Where the course is and who it is for.</param>
    void AddCourse(PluginCourse course);
}
