using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Avatars;

/// <summary>Names of XEP-0084 and XEP-0153, and reading metadata.</summary>
internal static class AvatarXml
{
    public const string DataNode = "urn:xmpp:avatar:data";
    public const string MetadataNode = "urn:xmpp:avatar:metadata";
    public const string UpdateNamespace = "vcard-temp:x:update";
    public const string ConversionFeature = "urn:xmpp:pep-vcard-conversion:0";

    public static readonly XName Data = XName.Get("data", DataNode);
    public static readonly XName Metadata = XName.Get("metadata", MetadataNode);
    public static readonly XName Info = XName.Get("info", MetadataNode);
    public static readonly XName Update = XName.Get("x", UpdateNamespace);
    public static readonly XName Photo = XName.Get("photo", UpdateNamespace);

    /// <summary>The infos of a metadata payload (at most 16), skipping unreadable ones.</summary>
    public static List<AvatarInfo> ReadInfos(XElement metadata)
    {
        var infos = new List<AvatarInfo>();
        foreach (var info in metadata.Elements(Info).Take(16))
        {
            var id = (string?)info.Attribute("id");
            var type = (string?)info.Attribute("type");
            if (id is null || type is null || !long.TryParse((string?)info.Attribute("bytes"), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                continue;
            }

            Uri? url = (string?)info.Attribute("url") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : null;
            if ((string?)info.Attribute("url") is not null && url is null)
            {
                continue;
            }

            infos.Add(new AvatarInfo(AvatarHash.Lower(id), type, bytes, Dimension(info, "width"), Dimension(info, "height"), url));
        }

        return infos;
    }

    public static XElement ToXElement(AvatarInfo info) =>
        new(Info,
            new XAttribute("bytes", info.Bytes.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("id", info.Id),
            new XAttribute("type", info.MediaType),
            info.Width is { } width ? new XAttribute("width", width.ToString(CultureInfo.InvariantCulture)) : null,
            info.Height is { } height ? new XAttribute("height", height.ToString(CultureInfo.InvariantCulture)) : null,
            info.Url is { } url ? new XAttribute("url", url.OriginalString) : null);

    private static int? Dimension(XElement info, string name) =>
        int.TryParse((string?)info.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
