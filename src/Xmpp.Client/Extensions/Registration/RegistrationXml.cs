using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>The names of XEP-0077 (jabber:iq:register) and the extensions its forms carry.</summary>
internal static class RegistrationXml
{
    public const string Namespace = "jabber:iq:register";
    public const string StreamFeatureNamespace = "http://jabber.org/features/iq-register";
    public const string CaptchaFormType = "urn:xmpp:captcha";
    public static readonly XNamespace Ns = Namespace;
    public static readonly XName Query = Ns + "query";
    public static readonly XName Instructions = Ns + "instructions";
    public static readonly XName Registered = Ns + "registered";
    public static readonly XName Remove = Ns + "remove";
    public static readonly XName Username = Ns + "username";
    public static readonly XName Password = Ns + "password";
    public static readonly XName StreamFeature = XName.Get("register", StreamFeatureNamespace);
    public static readonly XName OutOfBand = XName.Get("x", "jabber:x:oob");
    public static readonly XName OutOfBandUrl = XName.Get("url", "jabber:x:oob");
    public static readonly XName BitsOfBinary = XName.Get("data", "urn:xmpp:bob");
    public static readonly XName Media = XName.Get("media", "urn:xmpp:media-element");
    public static readonly XName MediaUri = XName.Get("uri", "urn:xmpp:media-element");

    /// <summary>The fields XEP-0077 §14 defines as children of the query (besides instructions, registered, remove).</summary>
    public static readonly IReadOnlySet<string> FixedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "username", "nick", "password", "name", "first", "last", "email", "address", "city", "state", "zip", "phone",
        "url", "date", "misc", "text", "key",
    };

    /// <summary>The answer fields of a CAPTCHA form (XEP-0158 §4, Table 2).</summary>
    public static readonly IReadOnlySet<string> CaptchaAnswerFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "audio_recog", "ocr", "picture_q", "picture_recog", "qa", "speech_q", "speech_recog", "video_q", "video_recog",
    };

    /// <summary>The most characters per value and CAPTCHA media read from one form.</summary>
    public const int MaxValueChars = 4096;
    public const int MaxImages = 8;
    public const int MaxImageBytes = 256 * 1024;
}
