using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Benchmarks.Xml;

/// <summary>
/// A realistic server-to-client stream of 100,000 stanzas, the same bytes on every run: chat messages with bodies and
/// the extensions servers add (stanza-id, delay, chat states, origin-id), presences with entity caps and avatar hashes,
/// roster results, pings, and whitespace keepalives.
/// </summary>
internal static class StreamData
{
    public const int Stanzas = 100_000;

    private static readonly Lazy<byte[]> s_bytes = new(Generate);
    private static readonly Lazy<XmppElement[]> s_elements = new(Parse);
    private static readonly Lazy<long> s_writtenBytes = new(() => WriteAll(new ArrayBufferWriter<byte>(64 << 20)));

    public static byte[] Bytes => s_bytes.Value;

    /// <summary>The stanzas of <see cref="Bytes"/>, parsed once (input for the writer benchmarks).</summary>
    public static XmppElement[] Elements => s_elements.Value;

    /// <summary>How many bytes <see cref="XmlStreamWriter"/> writes for <see cref="Elements"/>.</summary>
    public static long WrittenBytes => s_writtenBytes.Value;

    public static long WriteAll(ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        foreach (XmppElement element in Elements)
        {
            XmlStreamWriter.WriteElement(output, element);
        }

        return output.WrittenCount;
    }

    /// <summary>
    /// Parses the stanzas and reads each whole right away, as a handler would on arrival: a parsed element reads its
    /// attributes and children when first asked, and reading them later (from the writer's first round, between
    /// other setup) would scatter each tree over the heap and measure that instead of the writer.
    /// </summary>
    private static XmppElement[] Parse()
    {
        var reader = new XmlStreamReader(PipeReader.Create(new ReadOnlySequence<byte>(Bytes)));
        reader.ReadHeaderAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var elements = new List<XmppElement>(Stanzas);
        var pending = new Stack<XmppElement>();
        while (reader.ReadElementAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } element)
        {
            XmlWriterChecks.CheckTree(element, pending);
            elements.Add(element);
        }

        return [.. elements];
    }

    private static byte[] Generate()
    {
        var random = new Random(20240101);
        var sb = new StringBuilder(48 << 20);
        sb.Append("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' ")
          .Append("from='montague.lit' id='c2s-5nXR1' version='1.0' xml:lang='en'>");
        string[] contacts = [.. Enumerable.Range(0, 200).Select(i => $"contact{i}@capulet.lit")];
        string[] words = ["hello", "how", "are", "you", "today", "Grüße", "from", "Zürich", "😀", "see", "you", "at", "8", "&", "<b>", "ok",
            "Привет", "世界", "the", "meeting", "is", "moved", "to", "tomorrow", "thanks!"];
        var stamp = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (int n = 0; n < Stanzas; n++)
        {
            string from = contacts[random.Next(contacts.Length)];
            int kind = random.Next(100);
            if (kind < 50)
            {
                sb.Append($"<message from='{from}/phone' to='romeo@montague.lit/orchard' type='chat' id='{Guid(random)}' xml:lang='en'><body>");
                int count = 3 + random.Next(30);
                for (int w = 0; w < count; w++)
                {
                    sb.Append(Escape(words[random.Next(words.Length)])).Append(' ');
                }

                sb.Append("</body><active xmlns='http://jabber.org/protocol/chatstates'/>")
                  .Append($"<origin-id xmlns='urn:xmpp:sid:0' id='{Guid(random)}'/><stanza-id xmlns='urn:xmpp:sid:0' id='{Guid(random)}' by='romeo@montague.lit'/>");
                if (random.Next(4) == 0)
                {
                    stamp = stamp.AddSeconds(random.Next(600));
                    sb.Append($"<delay xmlns='urn:xmpp:delay' from='capulet.lit' stamp='{stamp.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}'>Offline Storage</delay>");
                }

                sb.Append("</message>");
            }
            else if (kind < 58)
            {
                sb.Append($"<message from='{from}/phone' to='romeo@montague.lit/orchard' type='chat' id='{Guid(random)}'>")
                  .Append(random.Next(2) == 0 ? "<composing xmlns='http://jabber.org/protocol/chatstates'/>" : "<paused xmlns='http://jabber.org/protocol/chatstates'/>")
                  .Append("<no-store xmlns='urn:xmpp:hints'/></message>");
            }
            else if (kind < 88)
            {
                sb.Append($"<presence from='{from}/desktop' to='romeo@montague.lit/orchard'>");
                if (random.Next(3) == 0)
                {
                    sb.Append(random.Next(2) == 0 ? "<show>away</show>" : "<show>dnd</show>").Append("<status>In a meeting until 3pm</status>");
                }

                sb.Append($"<priority>{random.Next(50)}</priority>")
                  .Append("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://conversations.im' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>")
                  .Append($"<x xmlns='vcard-temp:x:update'><photo>{Hex(random, 20)}</photo></x></presence>");
            }
            else if (kind < 95)
            {
                sb.Append($"<iq type='result' id='{Guid(random)}' to='romeo@montague.lit/orchard'><query xmlns='jabber:iq:roster' ver='ver{n}'>");
                int items = 5 + random.Next(20);
                for (int i = 0; i < items; i++)
                {
                    string jid = contacts[random.Next(contacts.Length)];
                    sb.Append($"<item jid='{jid}' name='Contact {i} Ā' subscription='both'><group>Friends</group></item>");
                }

                sb.Append("</query></iq>");
            }
            else
            {
                sb.Append($"<iq from='montague.lit' to='romeo@montague.lit/orchard' id='{Guid(random)}' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
            }

            if (random.Next(50) == 0)
            {
                sb.Append(' ');
            }
        }

        sb.Append("</stream:stream>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Guid(Random random) => Hex(random, 8) + "-" + Hex(random, 2) + "-" + Hex(random, 2) + "-" + Hex(random, 6);

    private static string Hex(Random random, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
