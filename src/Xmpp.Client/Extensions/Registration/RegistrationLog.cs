using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>Log messages of the registration extension.</summary>
internal static partial class RegistrationLog
{
    [LoggerMessage(3800, LogLevel.Information, "The account's password was changed; later logins use the new one")]
    public static partial void PasswordChanged(ILogger logger);

    [LoggerMessage(3801, LogLevel.Warning, "The account {Account} was deleted from its server; disconnecting")]
    public static partial void AccountCancelled(ILogger logger, string account);
}
