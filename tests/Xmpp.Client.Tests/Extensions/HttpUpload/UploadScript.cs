using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Tests.Extensions.Pep;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.HttpUpload;

/// <summary>The server side of XEP-0363 for the unit tests: disco answers of an upload service and slot answers.</summary>
internal static class UploadScript
{
    public const string Info = "http://jabber.org/protocol/disco#info";
    public const string Items = "http://jabber.org/protocol/disco#items";
    public const string Ns = "urn:xmpp:http:upload:0";
    public const string Service = "upload.example.com";
    public static readonly XNamespace Upload = Ns;

    public static XmppExtensionSet UploadSet(HttpUploadOptions? options = null) =>
        XmppExtensionSet.Empty.Add(() => new HttpUploadExtension(options ?? HttpUploadOptions.Default));

    /// <summary>A disco#info answer of an upload service, with a max-file-size form when <paramref name="max"/> is given.</summary>
    public static string UploadInfo(string? max = "1000") =>
        $"<identity category='store' type='file' name='HTTP File Upload'/><feature var='{Ns}'/>"
        + (max is null ? string.Empty : $"<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'><value>{Ns}</value></field><field var='max-file-size'><value>{max}</value></field></x>");

    /// <summary>Reads the client's next IQ and answers it with <paramref name="answer"/>(request).</summary>
    public static async Task<XElement> AnswerAsync(FakeServer server, Func<XElement, string> answer)
    {
        var request = (await server.ExpectAsync("iq")).ToX();
        await server.SendAsync(answer(request));
        return request;
    }

    public static string Result(XElement request, string payload) =>
        $"<iq type='result' id='{(string?)request.Attribute("id")}' from='{(string?)request.Attribute("to")}'>{payload}</iq>";

    public static string Error(XElement request, string error) =>
        $"<iq type='error' id='{(string?)request.Attribute("id")}' from='{(string?)request.Attribute("to")}'>{error}</iq>";

    /// <summary>
    /// Answers the discovery: the domain's info (no upload there), its items, then the info of each item, the one of
    /// <see cref="Service"/> with <paramref name="serviceInfo"/>; returns the requests.
    /// </summary>
    public static async Task<List<XElement>> ServeDiscoveryAsync(FakeServer server, string serviceInfo, params string[] otherItems)
    {
        var requests = new List<XElement>
        {
            await AnswerAsync(server, r => Result(r, $"<query xmlns='{Info}'><identity category='server' type='im'/></query>")),
        };
        string[] items = [.. otherItems, Service];
        requests.Add(await AnswerAsync(server, r => Result(r, $"<query xmlns='{Items}'>{string.Concat(items.Select(i => $"<item jid='{i}'/>"))}</query>")));
        for (var i = 0; i < items.Length; i++)
        {
            requests.Add(await AnswerAsync(server, r => (string?)r.Attribute("to") == Service
                ? Result(r, $"<query xmlns='{Info}'>{serviceInfo}</query>")
                : Result(r, $"<query xmlns='{Info}'><identity category='conference' type='text'/></query>")));
        }

        return requests;
    }

    /// <summary>A slot answer with these URLs and header elements.</summary>
    public static string Slot(string put = "https://files.example.com/up/a.txt", string get = "https://files.example.com/a.txt", string headers = "") =>
        $"<slot xmlns='{Ns}'><put url='{put}'>{headers}</put><get url='{get}'/></slot>";
}
