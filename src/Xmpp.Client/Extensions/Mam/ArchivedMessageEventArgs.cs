namespace Xmpp.Client.Extensions.Mam;

/// <summary>A message recovered from the account's archive after a reconnection (<see cref="MamExtension.MessageRecovered"/>).</summary>
public sealed class ArchivedMessageEventArgs : EventArgs
{
    /// <summary>Creates the argument.</summary>
    /// <param name="message">The recovered message.</param>
    public ArchivedMessageEventArgs(ArchivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>The recovered message, with its archive id and timestamp.</summary>
    public ArchivedMessage Message { get; }
}
