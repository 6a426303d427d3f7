using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing.Internal;

namespace Xmpp.Client.Testing;

/// <summary>
/// An XMPP server in memory, for unit tests of bots: real <see cref="XmppClient"/>s connect to it without sockets
/// (through <see cref="XmppClientOptions.ConnectionFactory"/>) and speak XMPP with it — stream negotiation, SASL PLAIN,
/// resource binding — then exchange stanzas with each other through it.
/// </summary>
/// <remarks>
/// <para>What it does (RFC 6120/6121, simplified): password accounts; a roster per account (get, set, remove, pushes
/// to the resources that fetched it); presence subscriptions between accounts (subscribe, subscribed, unsubscribe,
/// unsubscribed, with requests waiting for the contact to come online); presence broadcast to subscribers and the
/// account's own resources, with the contacts' presence sent on initial presence and for probes; messages to full
/// JIDs, and to bare JIDs: to the available resources with the highest non-negative priority (all non-negative ones
/// for <c>headline</c>), or when none is available to the connected resources that have not sent presence yet (a bot
/// that only connected still gets its messages); IQ routing to full JIDs; its own disco#info, disco#items and ping. A request to anyone who cannot answer (the server itself for
/// anything else, another account's bare JID, a resource that is offline) gets <c>service-unavailable</c>.</para>
/// <para>What it does not: TLS (clients use <see cref="TlsMode.Disabled"/>, set by <see cref="CreateClientOptions"/>),
/// SCRAM, stream management, offline storage, MUC, PubSub, other domains (<c>remote-server-not-found</c>).</para>
/// <para>Thread-safe. Dispose it to end every stream (the clients see the server close the connection).</para>
/// </remarks>
/// <example>
/// <code>
/// await using var server = new InMemoryXmppServer("example.com");
/// server.AddAccount("bot", "secret");
/// await using var bot = server.CreateClient("bot");
/// bot.MessageReceived += message => bot.SendAsync(message.CreateReply(message.Body)).AsTask();
/// await bot.ConnectAsync();
/// await using var alice = await server.ConnectPeerAsync("alice");
/// await alice.SendMessageAsync(Jid.Parse("bot@example.com"), "hi");
/// Assert.Equal("hi", (await alice.NextMessageAsync()).Body);
/// </code>
/// </example>
public sealed class InMemoryXmppServer : IAsyncDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly Router _router;
    private readonly InMemoryConnectionFactory _factory;
    private readonly ConcurrentDictionary<XmppTestPeer, byte> _peers = new();
    private int _disposed;

    /// <summary>Creates a server for <paramref name="domain"/>. Does nothing until a client connects.</summary>
    /// <param name="domain">The domain of its accounts, such as <c>example.com</c>.</param>
    /// <param name="loggerFactory">Where the server logs (event ids 4050–4099); nowhere when null.</param>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is not a valid domain.</exception>
    public InMemoryXmppServer(string domain = "example.com", ILoggerFactory? loggerFactory = null)
    {
        if (!Jid.TryParse(domain, out var jid) || !jid.IsBare || jid.Local is not null)
        {
            throw new ArgumentException($"'{domain}' is not a domain name.", nameof(domain));
        }

        Domain = jid.Domain;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Xmpp.Client.Testing");
        _router = new Router(Domain, logger);
        _factory = new InMemoryConnectionFactory(_router, logger);
    }

    /// <summary>The server's domain.</summary>
    public string Domain { get; }

    /// <summary>Connects clients to this server: set it as <see cref="XmppClientOptions.ConnectionFactory"/> of your own
    /// options (with <see cref="TlsMode.Disabled"/>), or let <see cref="CreateClientOptions"/> do it.</summary>
    public XmppConnectionFactory ConnectionFactory => _factory;

    /// <summary>Adds an account.</summary>
    /// <param name="user">The local part (<c>bot</c> for <c>bot@example.com</c>) or the bare JID.</param>
    /// <param name="password">Its password.</param>
    /// <returns>The account's bare JID.</returns>
    /// <exception cref="ArgumentException">The name is not valid, or the account exists.</exception>
    public Jid AddAccount(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var jid = Account(user);
        if (!_router.TryAddAccount(jid, password))
        {
            throw new ArgumentException($"The account {jid} exists already.", nameof(user));
        }

        return jid;
    }

    /// <summary>
    /// Options for a client of <paramref name="user"/> on this server: its JID and password, this server as
    /// <see cref="XmppClientOptions.ConnectionFactory"/>, <see cref="TlsMode.Disabled"/>, and neither stream management
    /// nor automatic reconnection. Change the rest with <c>with { … }</c>.
    /// </summary>
    /// <param name="user">An account added with <see cref="AddAccount"/> (local part or bare JID).</param>
    /// <param name="resource">The resource to ask for; the server picks one when null.</param>
    /// <exception cref="ArgumentException">There is no such account.</exception>
    public XmppClientOptions CreateClientOptions(string user, string? resource = null)
    {
        var jid = Account(user);
        var password = _router.PasswordOf(jid) ?? throw new ArgumentException($"There is no account {jid}: add it with AddAccount.", nameof(user));
        return new XmppClientOptions
        {
            Jid = resource is null ? jid : jid.WithResource(resource),
            Password = password,
            TlsMode = TlsMode.Disabled,
            ConnectionFactory = _factory,
            StreamManagement = false,
            AutoReconnect = false,
        };
    }

    /// <summary>A client of <paramref name="user"/> on this server (not connected yet: call <see cref="XmppClient.ConnectAsync"/>).</summary>
    /// <param name="user">An account added with <see cref="AddAccount"/>.</param>
    /// <param name="configure">Changes the options of <see cref="CreateClientOptions"/>, such as <c>o =&gt; o with { Extensions = … }</c>.</param>
    /// <param name="loggerFactory">Where the client logs.</param>
    /// <exception cref="ArgumentException">There is no such account, or an option is invalid.</exception>
    public XmppClient CreateClient(string user, Func<XmppClientOptions, XmppClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = CreateClientOptions(user);
        return new XmppClient(configure is null ? options : configure(options), loggerFactory);
    }

    /// <summary>
    /// Connects a scripted peer as <c>user@domain/peer</c>: the account is added (with a generated password) if it does
    /// not exist, and the peer fetches its roster and sends initial presence, and is returned once the server has
    /// taken it. The peer's client has the default extensions except receipts and chat states, so that what it sends
    /// is only what the test sends (it still answers disco, ping and version queries). Disposing the server disposes
    /// its peers.
    /// </summary>
    /// <param name="user">The peer's account (local part or bare JID).</param>
    /// <param name="configure">Changes the peer's options (such as its extensions); optional.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connected peer.</returns>
    public async Task<XmppTestPeer> ConnectPeerAsync(string user, Func<XmppClientOptions, XmppClientOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var jid = Account(user);
        _router.TryAddAccount(jid, Guid.NewGuid().ToString("N"));
        var options = CreateClientOptions(user, "peer") with
        {
            Extensions = XmppExtensionSet.Default.Remove<ReceiptsExtension>().Remove<ChatStatesExtension>(),
        };
        var peer = new XmppTestPeer(new XmppClient(configure is null ? options : configure(options)));
        _peers[peer] = 0;
        try
        {
            await peer.Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await peer.Client.Roster.GetAsync(cancellationToken).ConfigureAwait(false);
            await peer.Client.SendAsync(new Presence(), cancellationToken).ConfigureAwait(false);
            await peer.Online.WaitAsync(cancellationToken).ConfigureAwait(false);
            return peer;
        }
        catch
        {
            _peers.TryRemove(peer, out _);
            await peer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Makes two accounts subscribed to each other (subscription <c>both</c>), as if they had agreed long ago.</summary>
    /// <param name="first">One account.</param>
    /// <param name="second">The other account.</param>
    /// <exception cref="ArgumentException">An account does not exist.</exception>
    public void Befriend(string first, string second) => _router.Befriend(Account(first), Account(second));

    /// <summary>
    /// Every stanza the account's clients sent (all resources, oldest first, at most the last 10,000), as the server
    /// received them with <c>from</c> stamped: to assert what a bot sent.
    /// </summary>
    /// <param name="user">The account (local part or bare JID).</param>
    /// <returns>Copies of the stanzas.</returns>
    /// <exception cref="ArgumentException">There is no such account.</exception>
    public IReadOnlyList<XElement> SentBy(string user) => _router.SentBy(Account(user));

    /// <summary>The subscription of <paramref name="contact"/> in <paramref name="user"/>'s roster (<c>none</c>, <c>to</c>,
    /// <c>from</c> or <c>both</c>), or <see langword="null"/> when the contact is not in it.</summary>
    /// <param name="user">The roster's account.</param>
    /// <param name="contact">The contact.</param>
    public string? SubscriptionOf(string user, string contact) => _router.SubscriptionOf(Account(user), Account(contact));

    /// <summary>How many clients of the account are connected and bound.</summary>
    /// <param name="user">The account.</param>
    public int ConnectedClients(string user) => _router.SessionCount(Account(user));

    /// <summary>Disposes the peers, then ends every stream (the clients see the server close the connection).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var peer in _peers.Keys)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }

        await _factory.CloseAsync(CloseGrace).ConfigureAwait(false);
    }

    private Jid Account(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var text = user.Contains('@', StringComparison.Ordinal) ? user : user + "@" + Domain;
        if (!Jid.TryParse(text, out var jid) || jid.Local is null || !jid.IsBare || jid.Domain != Domain)
        {
            throw new ArgumentException($"'{user}' is not an account of {Domain} (give its local part or bare JID).", nameof(user));
        }

        return jid;
    }
}
