namespace Xmpp.Client.Extensions.Common;

/// <summary>Text a remote party chose, shortened before it goes into a log line or an error message.</summary>
internal static class RemoteText
{
    /// <summary>How many characters of a remote string are quoted.</summary>
    public const int MaxQuoted = 100;

    /// <summary>At most <see cref="MaxQuoted"/> characters of <paramref name="text"/>, with an ellipsis when shortened.</summary>
    public static string Quote(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");
}
