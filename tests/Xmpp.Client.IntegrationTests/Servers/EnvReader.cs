using System.Globalization;
using System.Net;

namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>Reads the KEY=value lines the server scripts print, with errors that name the key.</summary>
internal sealed class EnvReader(IReadOnlyDictionary<string, string> values)
{
    /// <summary>Parses KEY=value lines; blank lines and lines without '=' are ignored, the last value of a key wins.</summary>
    public static Dictionary<string, string> ParseLines(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[line[..eq]] = line[(eq + 1)..];
            }
        }

        return result;
    }

    public string Required(string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The server scripts did not report {key}.");

    public IPAddress Address(string key) =>
        IPAddress.TryParse(Required(key), out var address)
            ? address
            : throw new FormatException($"{key}='{values[key]}' is not an IP address.");

    public int Port(string key) =>
        int.TryParse(Required(key), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new FormatException($"{key}='{values[key]}' is not a port.");

    public int? OptionalPort(string key) => values.ContainsKey(key) ? Port(key) : null;
}
