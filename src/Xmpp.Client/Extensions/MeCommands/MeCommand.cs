using System.Diagnostics.CodeAnalysis;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.MeCommands;

/// <summary>
/// The /me command (XEP-0245): a body that starts with exactly <c>/me </c> (slash, "me", one space) describes an
/// action of its sender, shown as "* Juliet laughs" rather than as the text. Nothing is sent differently: it is a
/// convention of the body's text.
/// </summary>
public static class MeCommand
{
    /// <summary>The prefix: <c>/me</c> followed by one space, at the very start of the body.</summary>
    public const string Prefix = "/me ";

    /// <summary>Whether a body is a /me action, and the action (the text after the prefix, as it is).</summary>
    /// <param name="body">A message's body; <see langword="null"/> is not an action.</param>
    /// <param name="action">The text after <c>/me </c> (case and spaces as they are), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the body starts with exactly <c>/me </c>.</returns>
    public static bool TryParse(string? body, [NotNullWhen(true)] out string? action)
    {
        if (body is not null && body.StartsWith(Prefix, StringComparison.Ordinal))
        {
            action = body[Prefix.Length..];
            return true;
        }

        action = null;
        return false;
    }

    /// <summary>Whether the message's body is a /me action (XEP-0245), and the action.</summary>
    /// <param name="message">A message.</param>
    /// <param name="action">The text after <c>/me </c>, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the body starts with exactly <c>/me </c>.</returns>
    public static bool IsMeCommand(this Message message, [NotNullWhen(true)] out string? action)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TryParse(message.Body, out action);
    }
}
