using System.IO.Pipelines;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// A reader waiting for bytes between stanzas gives its parser's learned state back when the idle timer asks, and
/// reads every later stanza exactly as a reader that never did.
/// </summary>
public class XmlStreamReaderIdleTests
{
    private const string Stanzas =
        "<message from='juliet@example.com/balcony' to='romeo@example.net' type='chat' id='m1'><body>Hi &amp; bye</body>" +
        "<active xmlns='http://jabber.org/protocol/chatstates'/><p:x xmlns:p='urn:p' p:a='1'><y/></p:x></message>" +
        "<presence from='a@b/c'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/></presence>" +
        "<iq type='result' id='r1'><query xmlns='jabber:iq:roster'><item jid='a@b' name='Ā'><group>G</group></item></query></iq>";

    private static readonly long LongAfter = IdleReaders.IdleAfterMilliseconds + 1;

    [Fact]
    public async Task A_reader_waiting_between_stanzas_releases_once_and_then_reads_the_same_stanzas()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await WriteAsync(pipe, ClientHeader + Stanzas);
        await reader.ReadHeaderAsync(CancellationToken.None);
        var before = await ReadAsync(reader, 3);

        ValueTask<XmppElement?> waiting = reader.ReadElementAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        bool released = reader.ReleaseIfIdle(Environment.TickCount64 + LongAfter);
        bool again = reader.ReleaseIfIdle(Environment.TickCount64 + LongAfter);
        await WriteAsync(pipe, Stanzas + "<message><body>new names</body><z:new xmlns:z='urn:z' z:q='2'/></message>");
        var after = new List<string> { Canonical.Of((await waiting)!) };
        after.AddRange(await ReadAsync(reader, 3));

        Assert.True(released);
        Assert.False(again);
        Assert.Equal(before, after.Take(3));
        Assert.Contains("urn:z", after[3]);
    }

    [Fact]
    public async Task A_reader_that_has_not_waited_long_enough_keeps_its_state()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await WriteAsync(pipe, ClientHeader + Stanzas);
        await reader.ReadHeaderAsync(CancellationToken.None);
        await ReadAsync(reader, 3);

        ValueTask<XmppElement?> waiting = reader.ReadElementAsync(CancellationToken.None);
        bool released = reader.ReleaseIfIdle(Environment.TickCount64 + 1000);
        await WriteAsync(pipe, "<presence/>");

        Assert.False(released);
        Assert.Equal("presence", (await waiting)!.Name);
    }

    [Fact]
    public async Task A_reader_waiting_inside_a_stanza_keeps_its_state()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await WriteAsync(pipe, ClientHeader + "<message to='a@b'><body>half");
        await reader.ReadHeaderAsync(CancellationToken.None);

        ValueTask<XmppElement?> waiting = reader.ReadElementAsync(CancellationToken.None);
        bool released = reader.ReleaseIfIdle(Environment.TickCount64 + LongAfter);
        await WriteAsync(pipe, " of it</body></message>");

        Assert.False(released);
        Assert.Equal("half of it", (await waiting)!.Element("body", "jabber:client")!.Value);
    }

    [Fact]
    public async Task A_reader_that_is_not_waiting_keeps_its_state()
    {
        XmlStreamReader reader = await AfterHeaderAsync(Stanzas);

        Assert.False(reader.ReleaseIfIdle(Environment.TickCount64 + LongAfter));
        Assert.Equal(3, (await ReadAsync(reader, 3)).Count);
    }

    [Fact]
    public async Task The_idle_timer_tick_releases_every_waiting_reader_it_knows()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await WriteAsync(pipe, ClientHeader + Stanzas);
        await reader.ReadHeaderAsync(CancellationToken.None);
        await ReadAsync(reader, 3);
        ValueTask<XmppElement?> waiting = reader.ReadElementAsync(CancellationToken.None);

        IdleReaders.Tick(Environment.TickCount64 + LongAfter);
        bool releasedAgain = reader.ReleaseIfIdle(Environment.TickCount64 + LongAfter);
        await WriteAsync(pipe, "<presence/>");

        Assert.False(releasedAgain); // the tick already did, once for this wait
        Assert.Equal("presence", (await waiting)!.Name);
    }

    [Fact]
    public async Task Releasing_from_another_thread_all_along_never_changes_what_is_read()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        var expected = await ReadAllAsync(Reader(ClientHeader + string.Concat(Enumerable.Repeat(Stanzas, 200)) + "</stream:stream>"));
        using var stop = new CancellationTokenSource();
        int releases = 0;
        Task releasing = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (reader.ReleaseIfIdle(long.MaxValue))
                {
                    Interlocked.Increment(ref releases);
                }
            }
        });
        Task writing = Task.Run(async () =>
        {
            await WriteAsync(pipe, ClientHeader);
            for (int i = 0; i < 200; i++)
            {
                byte[] bytes = Utf8(Stanzas);
                int cut = 1 + (i * 37 % (bytes.Length - 1));
                await pipe.Writer.WriteAsync(bytes.AsMemory(0, cut));
                await Task.Yield();
                await pipe.Writer.WriteAsync(bytes.AsMemory(cut));
                await Task.Delay(i % 10 == 0 ? 1 : 0);
            }

            await WriteAsync(pipe, "</stream:stream>");
            await pipe.Writer.CompleteAsync();
        });

        var items = await ReadAllAsync(reader);
        await stop.CancelAsync();
        await Task.WhenAll(releasing, writing);

        Assert.Equal(expected, items);
        Assert.True(releases > 0, "the reader never waited between stanzas");
    }

    private static async Task WriteAsync(Pipe pipe, string xml) => await pipe.Writer.WriteAsync(Utf8(xml));

    private static async Task<List<string>> ReadAsync(XmlStreamReader reader, int count)
    {
        var items = new List<string>();
        for (int i = 0; i < count; i++)
        {
            items.Add(Canonical.Of((await reader.ReadElementAsync(CancellationToken.None))!));
        }

        return items;
    }
}
