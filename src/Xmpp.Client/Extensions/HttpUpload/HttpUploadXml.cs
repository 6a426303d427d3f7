using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Delay;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Names of XEP-0363 and the reading of what a service sends (its disco answer, slots, refusals).</summary>
internal static class HttpUploadXml
{
    public const string Namespace = "urn:xmpp:http:upload:0";

    /// <summary>The most characters of a PUT or GET URL accepted.</summary>
    public const int MaxUrlLength = 8192;

    /// <summary>The most headers read from one slot.</summary>
    public const int MaxHeaders = 16;

    /// <summary>The most characters of one header value accepted.</summary>
    public const int MaxHeaderLength = 8192;

    public static readonly XNamespace Ns = Namespace;
    public static readonly XName Request = Ns + "request";
    public static readonly XName Slot = Ns + "slot";
    public static readonly XName FileTooLarge = Ns + "file-too-large";
    public static readonly XName Retry = Ns + "retry";

    /// <summary>The headers a slot may carry (XEP-0363 §4); any other is left out of the PUT.</summary>
    public static readonly HashSet<string> AllowedHeaders = new(["Authorization", "Cookie", "Expires"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the disco answer is an upload service's: identity store/file and the feature.</summary>
    public static bool IsUploadService(DiscoInfo info) => info.HasFeature(Namespace) && info.HasIdentity("store", "file");

    /// <summary>The <c>max-file-size</c> of the service's XEP-0128 form; null when it announces none.</summary>
    /// <exception cref="FormatException">The form or its value cannot be read.</exception>
    public static long? MaxFileSize(DiscoInfo info)
    {
        foreach (var element in info.Forms)
        {
            var form = DataForm.FromXElement(element);
            if (form.FormType == Namespace && form.GetValue("max-file-size") is { } text)
            {
                return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
                    ? max
                    : throw new FormatException($"max-file-size '{Common.RemoteText.Quote(text)}' is not a positive number of bytes.");
            }
        }

        return null;
    }

    public static XElement RequestElement(string fileName, long size, string contentType) =>
        new(Request,
            new XAttribute("filename", fileName),
            new XAttribute("size", size.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("content-type", contentType));

    /// <summary>
    /// Reads and checks a slot: a PUT and a GET URL, absolute, https (or http when allowed), and the PUT headers XEP-0363
    /// allows, with line breaks removed. <paramref name="ignored"/> gets the names of the headers left out.
    /// </summary>
    /// <exception cref="HttpUploadException">The slot is unusable: the message says why.</exception>
    public static HttpUploadSlot ReadSlot(XElement slot, bool allowInsecureHttp, List<string> ignored)
    {
        var put = slot.Element(Ns + "put") ?? throw Unusable("it has no <put/>");
        var get = slot.Element(Ns + "get") ?? throw Unusable("it has no <get/>");
        var putUrl = Url(put, "PUT", allowInsecureHttp);
        var getUrl = Url(get, "GET", allowInsecureHttp);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in put.Elements(Ns + "header"))
        {
            var name = StripLineBreaks((string?)header.Attribute("name") ?? string.Empty).Trim();
            var value = StripLineBreaks(header.Value).Trim();
            if (headers.Count < MaxHeaders && AllowedHeaders.Contains(name) && value.Length <= MaxHeaderLength && value.All(c => !char.IsControl(c)))
            {
                headers.Add(new(name, value));
            }
            else
            {
                ignored.Add(Common.RemoteText.Quote(name));
            }
        }

        return new HttpUploadSlot(putUrl, getUrl, headers);
    }

    /// <summary>Whether a URL may be used: https, or http when allowed or on a loopback host.</summary>
    public static bool IsAcceptable(Uri url, bool allowInsecureHttp) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && (allowInsecureHttp || url.IsLoopback)))
        && !string.IsNullOrEmpty(url.Host);

    /// <summary>The error a refusal of the slot stands for.</summary>
    public static HttpUploadException FromRefusal(Jid service, long size, StanzaError error, Action<string> unreadableRetry)
    {
        if (error.ApplicationElement is { } application && application.Name == FileTooLarge)
        {
            var text = application.Element(Ns + "max-file-size")?.Value.Trim();
            long? max = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
            return new HttpUploadFileTooLargeException(size, max, error);
        }

        DateTimeOffset? retryAt = null;
        if (error.ApplicationElement is { } retry && retry.Name == Retry && (string?)retry.Attribute("stamp") is { } stamp)
        {
            if (XmppDateTime.TryParse(stamp, out var at))
            {
                retryAt = at;
            }
            else
            {
                unreadableRetry(Common.RemoteText.Quote(stamp));
            }
        }

        return new HttpUploadSlotRefusedException(service, error, retryAt);
    }

    private static Uri Url(XElement element, string which, bool allowInsecureHttp)
    {
        var text = ((string?)element.Attribute("url"))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw Unusable($"its {which} URL is missing");
        }

        if (text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw Unusable($"its {which} URL is not an absolute URI");
        }

        if (!IsAcceptable(url, allowInsecureHttp))
        {
            throw Unusable(url.Scheme == Uri.UriSchemeHttp
                ? $"its {which} URL is plain http on {url.Host} (XEP-0363 requires https; HttpUploadOptions.AllowInsecureHttp allows http)"
                : $"its {which} URL has the scheme '{Common.RemoteText.Quote(url.Scheme)}', not https");
        }

        return url;
    }

    private static string StripLineBreaks(string text) =>
        text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal)
            ? text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)
            : text;

    private static HttpUploadException Unusable(string reason) =>
        new($"The upload service's slot cannot be used: {reason}. Nothing was uploaded.");
}
