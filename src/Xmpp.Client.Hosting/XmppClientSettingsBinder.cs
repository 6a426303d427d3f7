using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Reads <see cref="XmppClientSettings"/> from a configuration section by hand, with no reflection (so the package
/// stays trimming- and AOT-safe): each setting by its name, lists as children (<c>Files:0</c>, <c>Files:1</c>) or as
/// one comma-separated value. A value that does not parse is kept as an error with its full key (such as
/// <c>Xmpp:Port: 'abc' is not a whole number.</c>), reported with the other problems when the host starts.
/// </summary>
internal static class XmppClientSettingsBinder
{
    public static void Bind(IConfiguration section, XmppClientSettings settings)
    {
        var errors = settings.BindingErrors;
        settings.Jid = section[nameof(settings.Jid)] ?? settings.Jid;
        settings.Password = section[nameof(settings.Password)] ?? settings.Password;
        settings.Resource = section[nameof(settings.Resource)] ?? settings.Resource;
        settings.Host = section[nameof(settings.Host)] ?? settings.Host;
        settings.TrustedCertificatesPem = section[nameof(settings.TrustedCertificatesPem)] ?? settings.TrustedCertificatesPem;
        settings.Port = Read(section, nameof(settings.Port), settings.Port, errors, ParseInt, "a whole number");
        settings.MaxReconnectAttempts = Read(section, nameof(settings.MaxReconnectAttempts), settings.MaxReconnectAttempts, errors, ParseInt, "a whole number");
        settings.MaxStanzaBytes = Read(section, nameof(settings.MaxStanzaBytes), settings.MaxStanzaBytes, errors, ParseInt, "a whole number");
        settings.TlsMode = Read(section, nameof(settings.TlsMode), settings.TlsMode, errors, ParseTlsMode, "Required, DirectTls or Disabled");
        settings.StreamManagement = Read(section, nameof(settings.StreamManagement), settings.StreamManagement, errors, ParseBool, "true or false");
        settings.AutoReconnect = Read(section, nameof(settings.AutoReconnect), settings.AutoReconnect, errors, ParseBool, "true or false");
        settings.ConnectTimeout = Read(section, nameof(settings.ConnectTimeout), settings.ConnectTimeout, errors, ParseTimeSpan, TimeSpanHint);
        settings.NegotiationTimeout = Read(section, nameof(settings.NegotiationTimeout), settings.NegotiationTimeout, errors, ParseTimeSpan, TimeSpanHint);
        settings.IqTimeout = Read(section, nameof(settings.IqTimeout), settings.IqTimeout, errors, ParseTimeSpan, TimeSpanHint);
        settings.ReconnectMinDelay = Read(section, nameof(settings.ReconnectMinDelay), settings.ReconnectMinDelay, errors, ParseTimeSpan, TimeSpanHint);
        settings.ReconnectMaxDelay = Read(section, nameof(settings.ReconnectMaxDelay), settings.ReconnectMaxDelay, errors, ParseTimeSpan, TimeSpanHint);
        settings.KeepAliveInterval = Read(section, nameof(settings.KeepAliveInterval), settings.KeepAliveInterval, errors, ParseTimeSpan, TimeSpanHint);
        settings.PingInterval = Read(section, nameof(settings.PingInterval), settings.PingInterval, errors, ParseTimeSpan, TimeSpanHint);
        settings.PingTimeout = Read(section, nameof(settings.PingTimeout), settings.PingTimeout, errors, ParseTimeSpan, TimeSpanHint);
        ReadList(section, nameof(settings.DnsServers), settings.DnsServers);
        ReadList(section, nameof(settings.TrustedCertificateFiles), settings.TrustedCertificateFiles);
        ReadList(section, nameof(settings.SaslMechanisms), settings.SaslMechanisms);
    }

    private const string TimeSpanHint = "a time span such as 00:00:30 (hh:mm:ss), 1.00:00:00 (a day) or 'infinite'";

    private static T? Read<T>(IConfiguration section, string name, T? current, List<string> errors, Func<string, T?> parse, string expected)
        where T : struct
    {
        var child = section.GetSection(name);
        if (child.Value is not { } text)
        {
            return current;
        }

        if (text.Trim().Length == 0)
        {
            return null; // An empty value clears the setting: the client's default applies.
        }

        if (parse(text.Trim()) is { } value)
        {
            return value;
        }

        errors.Add($"{child.Path}: '{text}' is not {expected}.");
        return current;
    }

    private static void ReadList(IConfiguration section, string name, IList<string> list)
    {
        var child = section.GetSection(name);
        if (child.Value is { } joined)
        {
            list.Clear();
            foreach (var item in joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                list.Add(item);
            }
        }

        var items = child.GetChildren().Where(c => c.Value is not null).ToList();
        if (items.Count > 0)
        {
            list.Clear();
            foreach (var item in items)
            {
                list.Add(item.Value!);
            }
        }
    }

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? ParseBool(string text) => bool.TryParse(text, out var value) ? value : null;

    private static TlsMode? ParseTlsMode(string text) =>
        !char.IsAsciiDigit(text[0]) && Enum.TryParse<TlsMode>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    private static TimeSpan? ParseTimeSpan(string text) =>
        text.Equals("infinite", StringComparison.OrdinalIgnoreCase) ? Timeout.InfiniteTimeSpan
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
}
