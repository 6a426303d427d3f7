using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>What the in-band bytestream and Jingle tests send as the peer, and read of the client's answers.</summary>
internal static class IbbScript
{
    public const string Ns = "http://jabber.org/protocol/ibb";
    public const string Peer = "romeo@example.net/orchard";

    public static XmppExtensionSet Ibb(InBandBytestreamOptions? options = null) =>
        XmppExtensionSet.Empty.Add(() => new InBandBytestreamsExtension(options ?? new InBandBytestreamOptions()));

    public static string Open(string sid, int blockSize = 4096, string from = Peer, string id = "o1") =>
        $"<iq type='set' id='{id}' from='{from}'><open xmlns='{Ns}' sid='{sid}' block-size='{blockSize}' stanza='iq'/></iq>";

    public static string Data(string sid, int seq, byte[] block, string from = Peer, string? id = null) =>
        $"<iq type='set' id='{id ?? "d" + seq}' from='{from}'><data xmlns='{Ns}' sid='{sid}' seq='{seq}'>{Convert.ToBase64String(block)}</data></iq>";

    public static string Close(string sid, string from = Peer, string id = "c1") =>
        $"<iq type='set' id='{id}' from='{from}'><close xmlns='{Ns}' sid='{sid}'/></iq>";

    public static string? Condition(XmppElement reply) =>
        reply.Element("error", "jabber:client")?.Elements().FirstOrDefault(e => e.Namespace == "urn:ietf:params:xml:ns:xmpp-stanzas")?.Name;

    /// <summary>Reads the client's next <paramref name="count"/> IQs (answers and requests may come in either order).</summary>
    public static async Task<List<XmppElement>> ReadIqsAsync(LiveServer live, int count)
    {
        var iqs = new List<XmppElement>();
        for (var i = 0; i < count; i++)
        {
            iqs.Add(await live.Server.ExpectAsync("iq").WaitAsync(TimeSpan.FromSeconds(10)));
        }

        return iqs;
    }

    /// <summary>Accepts every stream the peer opens, handing them to the returned queue.</summary>
    public static System.Threading.Channels.Channel<InBandStream> AcceptAll(InBandBytestreamsExtension ibb)
    {
        var accepted = System.Threading.Channels.Channel.CreateUnbounded<InBandStream>();
        ibb.StreamRequested += request =>
        {
            accepted.Writer.TryWrite(request.Accept());
            return Task.CompletedTask;
        };
        return accepted;
    }

    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).WaitAsync(TimeSpan.FromSeconds(10));
        return copy.ToArray();
    }
}
