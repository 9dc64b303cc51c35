using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Phso.SharedKernel.Persistence;

namespace Phso.Modular.Tests.Infrastructure;

/// <summary>Reads the .eml files the pickup-folder sender writes, after driving the outbox and the email queue.</summary>
public static partial class Mailbox
{
    /// <summary>Delivers integration events and sends queued email now, as the scheduled jobs would.</summary>
    public static async Task FlushAsync(this PhsoFactory host)
    {
        await host.Services.GetRequiredService<OutboxDispatcher>().DeliverDueMessagesAsync(CancellationToken.None);
        var queueType = Type.GetType("Phso.Modules.Notifications.Features.DeliverEmail.EmailQueue, Phso.Modules.Notifications", throwOnError: true)!;
        var queue = host.Services.GetRequiredService(queueType);
        await (Task)queueType.GetMethod("SendDueAsync")!.Invoke(queue, [CancellationToken.None])!;
    }

    /// <summary>The decoded bodies of every email sent to <paramref name="address"/>, oldest first.</summary>
    public static IReadOnlyList<(string Subject, string Body)> EmailsTo(this PhsoFactory host, string address)
    {
        if (!Directory.Exists(host.MailFolder))
        {
            return [];
        }

        return Directory.GetFiles(host.MailFolder, "*.eml")
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Where(m => m.Text.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
            .Select(m => (Subject(m.Text), Decode(m.Text[(m.Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])))
            .ToList();
    }

    /// <summary>The first link into this service in the newest email to <paramref name="address"/>, as a path and query.</summary>
    public static string LinkInLatestEmailTo(this PhsoFactory host, string address)
    {
        var emails = host.EmailsTo(address);
        Assert.True(emails.Count > 0, $"No email was sent to {address}");
        var link = Link().Match(emails[^1].Body);
        Assert.True(link.Success, $"The email to {address} has no link: {emails[^1].Body}");
        return link.Groups[1].Value;
    }

    private static string Subject(string text)
    {
        var line = text.Split("\r\n").First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];
        var encoded = EncodedWord().Match(line);
        return encoded.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Groups[1].Value)) : line;
    }

    private static string Decode(string quotedPrintable)
    {
        var joined = quotedPrintable.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("https?://[^/\\s]+(/[^\\s]+)")]
    private static partial Regex Link();

    [GeneratedRegex("=\\?utf-8\\?B\\?([^?]+)\\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
