using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Xmpp.Client.Hosting;

/// <summary>Checks the settings of each added account (at startup, with <c>ValidateOnStart</c>): every problem, each
/// named by its configuration key.</summary>
internal sealed class XmppClientSettingsValidator(IOptionsMonitor<XmppClientRegistration> registrations, IHostEnvironment? environment = null)
    : IValidateOptions<XmppClientSettings>
{
    /// <summary>Where relative certificate paths start: the host's content root, or the current directory.</summary>
    public string BaseDirectory { get; } = BaseDirectoryOf(environment);

    /// <summary>The host's content root, or the current directory without a host.</summary>
    public static string BaseDirectoryOf(IHostEnvironment? environment) =>
        environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    public ValidateOptionsResult Validate(string? name, XmppClientSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registration = registrations.Get(name ?? Options.DefaultName);
        if (!registration.Added)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        XmppClientSettingsMapper.Map(options, registration.KeyPrefix, BaseDirectory, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
