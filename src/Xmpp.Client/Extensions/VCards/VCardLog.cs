using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.VCards;

/// <summary>Log messages of the vCard extension (event ids 3650–3659).</summary>
internal static partial class VCardLog
{
    [LoggerMessage(3650, LogLevel.Debug, "{Owner} has no vCard ({Condition}); read as an empty one")]
    public static partial void NoVCard(ILogger logger, string owner, string condition);

    [LoggerMessage(3651, LogLevel.Warning, "The vCard of {Owner} has a PHOTO that could not be read (BINVAL not base64, or EXTVAL not a URI); it was skipped")]
    public static partial void UnreadablePhoto(ILogger logger, string owner);
}
