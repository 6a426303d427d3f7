using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Avatars;

/// <summary>Log messages of the avatar extension (event ids 3660–3679).</summary>
internal static partial class AvatarLog
{
    [LoggerMessage(3660, LogLevel.Debug, "The account {Account} converts between PEP and vCard avatars (XEP-0398): {Conversion}")]
    public static partial void Conversion(ILogger logger, string account, bool conversion);

    [LoggerMessage(3661, LogLevel.Warning, "Could not ask {Account} for its features; avatars are published to both PEP and the vCard this session")]
    public static partial void DiscoFailed(ILogger logger, string account, Exception error);

    [LoggerMessage(3662, LogLevel.Warning, "The avatar data of {Owner} does not match its id {Id}; ignored")]
    public static partial void HashMismatch(ILogger logger, string owner, string id);

    [LoggerMessage(3663, LogLevel.Debug, "Ignored a photo hash in presence from {From}: not 40 hex digits")]
    public static partial void BadHash(ILogger logger, string from);

    [LoggerMessage(3664, LogLevel.Warning, "Could not learn the account's own avatar hash for presence")]
    public static partial void OwnHashFailed(ILogger logger, Exception error);

    [LoggerMessage(3665, LogLevel.Debug, "Could not read the PEP avatar of {Owner} ({Condition}); trying the vCard")]
    public static partial void NoPepAvatar(ILogger logger, string owner, string condition);
}
