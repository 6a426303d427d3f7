namespace Xmpp.Client.Extensions.Mam;

/// <summary>The end of a catch-up after a reconnection (<see cref="MamExtension.CaughtUp"/>).</summary>
public sealed class MamCaughtUpEventArgs : EventArgs
{
    /// <summary>Creates the argument.</summary>
    /// <param name="afterArchiveId">The archive id the catch-up started after.</param>
    /// <param name="recovered">How many messages were recovered (raised by <see cref="MamExtension.MessageRecovered"/>).</param>
    /// <param name="error">Why the catch-up stopped early, or <see langword="null"/> when it read everything.</param>
    public MamCaughtUpEventArgs(string afterArchiveId, int recovered, Exception? error)
    {
        AfterArchiveId = afterArchiveId;
        Recovered = recovered;
        Error = error;
    }

    /// <summary>The archive id the catch-up started after (the last one seen before the connection was lost).</summary>
    public string AfterArchiveId { get; }

    /// <summary>How many messages were recovered, duplicates of live ones left out.</summary>
    public int Recovered { get; }

    /// <summary>Why the catch-up stopped early (the server refused, the connection broke), or <see langword="null"/>.</summary>
    public Exception? Error { get; }
}
