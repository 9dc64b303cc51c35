using System.CommandLine;
using System.Text;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Messaging;
using Phso.SharedKernel.Modules;

namespace Phso.Modules.Accounts.Features.ManagePeople;

/// <summary><c>create-admin --email ... --name ...</c>: the way to make the first administrator of a real deployment.
/// The password comes from PHSO_ADMIN_PASSWORD, or is asked for without echoing it.</summary>
internal static class CreateAdministratorCommand
{
    public const string PasswordVariable = "PHSO_ADMIN_PASSWORD";

    public static ModuleCommand Create()
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address (they sign in with it)", Required = true };
        var name = new Option<string>("--name") { Description = "The administrator's full name", Required = true };
        return new ModuleCommand("create-admin", $"Creates an administrator account. The password is read from {PasswordVariable}, or asked for.", [email, name], async (parse, services, cancellationToken) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ReadPassword();
            try
            {
                var id = await services.GetRequiredService<IMediator>().Send(new CreateAdministrator(parse.GetValue(name)!, parse.GetValue(email)!, password), cancellationToken);
                await Console.Out.WriteLineAsync($"Created administrator {parse.GetValue(email)} ({id}). They can sign in now.");
                return 0;
            }
            catch (RequestValidationException e)
            {
                foreach (var message in e.Errors.SelectMany(error => error.Value))
                {
                    await Console.Error.WriteLineAsync(message);
                }

                return 2;
            }
        });
    }

    private static string ReadPassword()
    {
        Console.Write("Password for the new administrator (at least 12 characters): ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
