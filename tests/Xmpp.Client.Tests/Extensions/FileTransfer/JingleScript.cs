using System.Security.Cryptography;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Extensions.FileTransfer.IbbScript;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>What the Jingle file transfer tests send as the peer.</summary>
internal static class JingleScript
{
    public const string J = "urn:xmpp:jingle:1";
    public const string Ft = "urn:xmpp:jingle:apps:file-transfer:5";
    public const string IbbT = "urn:xmpp:jingle:transports:ibb:1";

    public static XmppExtensionSet Jingle(JingleFileTransferOptions? options = null) =>
        XmppExtensionSet.Empty.Add(() => new JingleFileTransferExtension(options ?? new JingleFileTransferOptions()));

    public static string Sha256(byte[] content) => Convert.ToBase64String(SHA256.HashData(content));

    public static string Initiate(string sid, long size, string? hash, string transport = "", string from = Peer, string id = "j1", string name = "../../etc/passwd") =>
        $"<iq type='set' id='{id}' from='{from}'><jingle xmlns='{J}' action='session-initiate' sid='{sid}' initiator='{from}'>"
        + $"<content creator='initiator' name='a-file-offer' senders='initiator'><description xmlns='{Ft}'><file>"
        + $"<media-type>application/octet-stream</media-type><name>{name}</name><size>{size}</size><desc>A test</desc><date>2026-01-02T03:04:05Z</date>"
        + (hash is null ? string.Empty : $"<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>{hash}</hash>")
        + "</file></description>"
        + (transport.Length > 0 ? transport : $"<transport xmlns='{IbbT}' sid='ibb-{sid}' block-size='4096'/>")
        + "</content></jingle></iq>";

    public static string Action(string action, string sid, string body = "", string from = Peer, string id = "a1") =>
        $"<iq type='set' id='{id}' from='{from}'><jingle xmlns='{J}' action='{action}' sid='{sid}'>{body}</jingle></iq>";

    public static string Terminate(string sid, string reason, string from = Peer, string id = "t1") =>
        Action("session-terminate", sid, $"<reason><{reason}/></reason>", from, id);

    public static string Result(string id) => $"<iq type='result' id='{id}' from='{Peer}'/>";

    public static XmppElement? JingleOf(XmppElement iq) => iq.Element("jingle", J);

    public static string? ReasonOf(XmppElement iq) => JingleOf(iq)?.Element("reason", J)?.Elements().First().Name;

    public static string? JingleErrorOf(XmppElement reply) =>
        reply.Element("error", "jabber:client")?.Elements().FirstOrDefault(e => e.Namespace == "urn:xmpp:jingle:errors:1")?.Name;

    /// <summary>Reads IQs until one that <paramref name="stop"/> picks, answering every request on the way with a result.</summary>
    public static async Task<(XmppElement Found, List<XmppElement> Seen)> AnswerUntilAsync(LiveServer live, Func<XmppElement, bool> stop)
    {
        var seen = new List<XmppElement>();
        while (true)
        {
            var iq = await live.Server.ExpectAsync("iq").WaitAsync(TimeSpan.FromSeconds(10));
            seen.Add(iq);
            if (stop(iq))
            {
                return (iq, seen);
            }

            if (iq.GetAttribute("type") == "set")
            {
                await live.Server.SendAsync(Result(iq.GetAttribute("id")!));
            }
        }
    }
}
