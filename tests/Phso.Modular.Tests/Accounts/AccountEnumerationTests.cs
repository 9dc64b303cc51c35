using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Phso.Modular.Tests.Infrastructure;
using Phso.Modules.Accounts.Domain;

namespace Phso.Modular.Tests.Accounts;

/// <summary>Whether an account exists cannot be told from signing in: an unknown address is answered as a real
/// account with a wrong password is, message for message (the fifth failure "locks" both), after the same work (one
/// password hash checked each time, so about the same time).</summary>
public sealed partial class AccountEnumerationTests(AccountEnumerationTests.Host host) : IClassFixture<AccountEnumerationTests.Host>
{
    /// <summary>A host whose password hasher counts how many hashes it checks.</summary>
    public sealed class Host : PhsoFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<Person>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<Person>
    {
        private readonly PasswordHasher<Person> _inner = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(Person user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<List<(string Message, int Hashes)>> FiveWrongPasswordsAsync(string email)
    {
        var answers = new List<(string, int)>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = host.Hasher.Verified;
            var response = await host.CreateBrowser().PostFormAsync("/account/sign-in", ("Input.Email", email), ("Input.Password", "not the password at all"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            answers.Add((Message().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value, host.Hasher.Verified - before));
        }

        return answers;
    }

    [Fact]
    public async Task An_unknown_address_and_a_real_account_get_the_same_answers_after_the_same_work()
    {
        var real = await FiveWrongPasswordsAsync(Demo.Coach);
        var unknown = await FiveWrongPasswordsAsync("nobody.here@ombudsman.example");

        Assert.Equal(real, unknown);
        Assert.All(real, answer => Assert.Equal(1, answer.Hashes));
        Assert.Contains("locked for 15 minutes", real[^1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", real[0].Message, StringComparison.Ordinal);

        // And again once locked: still one hash each, still the same answer.
        Assert.Equal(await FiveWrongPasswordsAsync(Demo.Coach), await FiveWrongPasswordsAsync("nobody.here@ombudsman.example"));
    }

    [GeneratedRegex("<ul class=\"govuk-list govuk-error-summary__list\"><li>(?:<a href=\"#[^\"]+\">)?([^<]+)<")]
    private static partial Regex Message();
}
