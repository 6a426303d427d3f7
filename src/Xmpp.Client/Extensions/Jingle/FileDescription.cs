using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Hashes;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>
/// What a file offer says about the file (XEP-0234 §3, the <c>&lt;file/&gt;</c> element): its name, size, media type,
/// date, description and hash. The name is only a suggestion to show the user: the library never uses it as a path.
/// </summary>
public sealed record FileDescription
{
    /// <summary>The longest name or description kept (longer ones are cut), against a peer filling memory.</summary>
    internal const int MaxTextLength = 4096;

    /// <summary>The file's name as the sender gives it (may contain anything, slashes included: never trust it as a path).</summary>
    public string? Name { get; init; }

    /// <summary>The size in bytes, when the sender gives it.</summary>
    public long? Size { get; init; }

    /// <summary>The media type, such as <c>image/png</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>When the file was last modified.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>The file's hash, when known before the transfer (otherwise the sender sends it at the end).</summary>
    public ContentHash? Hash { get; init; }

    /// <summary>Reads a <c>&lt;file/&gt;</c> element; unknown or malformed children are left out (a hash that cannot be read too).</summary>
    internal static FileDescription FromXElement(XElement file)
    {
        var size = (string?)file.Element(JingleXml.FileNs + "size");
        var date = (string?)file.Element(JingleXml.FileNs + "date");
        ContentHash? hash = null;
        foreach (var element in file.Elements(ContentHash.ElementName))
        {
            try
            {
                var candidate = ContentHash.FromXElement(element);
                if (candidate.CanVerify)
                {
                    hash = candidate;
                    break;
                }
            }
            catch (FormatException)
            {
                // An unreadable hash is as good as none: the next one, or the checksum at the end, counts.
            }
        }

        return new FileDescription
        {
            Name = Text(file, "name"),
            Size = long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null,
            MediaType = Text(file, "media-type"),
            Date = DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null,
            Description = Text(file, "desc"),
            Hash = hash,
        };
    }

    /// <summary>Writes the <c>&lt;file/&gt;</c> element.</summary>
    internal XElement ToXElement()
    {
        var file = new XElement(JingleXml.FileNs + "file");
        Add(file, "date", Date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add(file, "desc", Description);
        Add(file, "media-type", MediaType);
        Add(file, "name", Name);
        Add(file, "size", Size?.ToString(CultureInfo.InvariantCulture));
        if (Hash is not null)
        {
            file.Add(Hash.ToXElement());
        }

        return file;
    }

    private static string? Text(XElement file, string name) =>
        (string?)file.Element(JingleXml.FileNs + name) is { } text ? (text.Length > MaxTextLength ? text[..MaxTextLength] : text) : null;

    private static void Add(XElement file, string name, string? value)
    {
        if (value is not null)
        {
            file.Add(new XElement(JingleXml.FileNs + name, value));
        }
    }
}
