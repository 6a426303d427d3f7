using System.Diagnostics;
using System.Xml.Linq;
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;

namespace PackageTests;

/// <summary>
/// A third-party extension, written against the package's public API only. It answers
/// <c>&lt;query xmlns='urn:example:stats'/&gt;</c> and announces that namespace (disco#info and caps), adds a
/// <c>&lt;trace xmlns='urn:example:trace' hop='…'/&gt;</c> to each chat message with a body that its client sends,
/// raises <see cref="MoodReceived"/> for messages carrying a <see cref="Mood"/>, and keeps messages carrying
/// <c>&lt;secret xmlns='urn:example:stats'/&gt;</c> to itself.
/// </summary>
/// <example>
/// <code>
/// var options = new XmppClientOptions { Jid = …, Password = …, Extensions = XmppExtensionSet.Default.Add&lt;StatsExtension&gt;() };
/// await using var client = new XmppClient(options);
/// client.Stats().MoodReceived += args => …;
/// </code>
/// </example>
public sealed class StatsExtension : XmppExtension
{
    public const string Namespace = "urn:example:stats";

    public static readonly XName Trace = XName.Get("trace", "urn:example:trace");

    public static readonly XName Secret = XName.Get("secret", Namespace);

    private long _sessionStarted = Stopwatch.GetTimestamp();
    private int _answered;
    private int _secrets;

    /// <summary>Raised, in stream order, for each received message that carries a mood (the message also reaches MessageReceived).</summary>
    public event Func<MoodReceivedEventArgs, Task>? MoodReceived;

    /// <summary>How many messages carrying a secret this extension kept from MessageReceived.</summary>
    public int SecretsReceived => Volatile.Read(ref _secrets);

    /// <summary>Asks <paramref name="jid"/> (a full JID) for its stats.</summary>
    public async Task<StatsQuery> QueryAsync(Jid jid, CancellationToken cancellationToken = default) =>
        await Client.SendIqAsync<StatsQuery>(Iq.Get(new StatsQuery(), jid), cancellationToken)
        ?? throw new XmppException($"{jid} answered the stats query without stats.");

    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(Namespace);
        context.HandleIq<StatsQuery>(AnswerStatsAsync);
        context.DecorateOutgoing(AddTrace);
        context.OnMessage<Mood>(OnMoodAsync); // typed route: the payload read once, for this route
        context.OnMessage(OnSecretAsync, Secret);
        context.OnNewSession(_ => Volatile.Write(ref _sessionStarted, Stopwatch.GetTimestamp()));
    }

    private Task<Iq> AnswerStatsAsync(Iq request, StatsQuery query, CancellationToken cancellationToken)
    {
        if (request.Type != IqType.Get)
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest, "Stats are read, not set."));
        }

        var answered = Interlocked.Increment(ref _answered);
        var uptime = Stopwatch.GetElapsedTime(Volatile.Read(ref _sessionStarted));
        return Task.FromResult(request.CreateResult(new StatsQuery(answered, (int)uptime.TotalSeconds)));
    }

    // Runs on the client's copy of each stanza sent (never the caller's object), unless sent XmppSendOptions.Undecorated.
    private void AddTrace(Stanza stanza)
    {
        if (stanza is Message { Type: MessageType.Chat, Body: not null } message && !message.HasPayload(Trace))
        {
            message.AddPayload(new XElement(Trace, new XAttribute("hop", Client.BoundJid?.ToString() ?? "")));
        }
    }

    private async ValueTask<bool> OnMoodAsync(Message message, Mood mood, CancellationToken cancellationToken)
    {
        if (message.From is { } from)
        {
            await Context.RaiseAsync(MoodReceived, new MoodReceivedEventArgs(from, mood, message), nameof(MoodReceived));
        }

        return false; // not consumed: later routes and client.MessageReceived see the message too
    }

    private ValueTask<bool> OnSecretAsync(Message message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _secrets);
        return ValueTask.FromResult(true); // consumed: client.MessageReceived never sees it
    }
}

/// <summary>The entry point, as a package that ships an extension exposes it: <c>client.Stats()</c>.</summary>
public static class StatsClientExtensions
{
    /// <summary>The client's <see cref="StatsExtension"/>.</summary>
    /// <exception cref="InvalidOperationException">It is not in the client's <see cref="XmppClientOptions.Extensions"/>.</exception>
    public static StatsExtension Stats(this XmppClient client) => client.GetExtension<StatsExtension>();
}
