namespace Xmpp.Client.Extensions.Jingle;

/// <summary>The element names of <see cref="JingleReason"/>.</summary>
internal static class JingleReasons
{
    private static readonly (JingleReason Reason, string Name)[] Names =
    [
        (JingleReason.Success, "success"), (JingleReason.Decline, "decline"), (JingleReason.Cancel, "cancel"),
        (JingleReason.Busy, "busy"), (JingleReason.Expired, "expired"), (JingleReason.Timeout, "timeout"),
        (JingleReason.FailedTransport, "failed-transport"), (JingleReason.FailedApplication, "failed-application"),
        (JingleReason.MediaError, "media-error"), (JingleReason.GeneralError, "general-error"), (JingleReason.Gone, "gone"),
        (JingleReason.ConnectivityError, "connectivity-error"), (JingleReason.IncompatibleParameters, "incompatible-parameters"),
        (JingleReason.SecurityError, "security-error"), (JingleReason.UnsupportedApplications, "unsupported-applications"),
        (JingleReason.UnsupportedTransports, "unsupported-transports"), (JingleReason.AlternativeSession, "alternative-session"),
    ];

    public static string ToName(JingleReason reason) =>
        Array.Find(Names, entry => entry.Reason == reason).Name ?? "general-error";

    public static JingleReason FromName(string? name) =>
        Array.Find(Names, entry => entry.Name == name) is { Name: not null } found ? found.Reason : JingleReason.Unknown;
}
