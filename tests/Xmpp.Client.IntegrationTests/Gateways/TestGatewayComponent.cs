using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using System.Xml;
using System.Xml.Linq;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Gateways;

/// <summary>
/// A small gateway (XEP-0100) to a pretend IRC-like "legacy network", connected to Prosody as an external component
/// (XEP-0114): it answers disco#info (gateway/irc), in-band registration (jabber:iq:register, username and password),
/// address translation (jabber:iq:gateway: <c>user@legacy</c> → <c>user\40legacy@gateway</c>), logs users in and
/// out when they send it directed presence, approves subscriptions to its legacy contacts, and echoes messages sent to
/// them. Tests make legacy contacts speak with <see cref="SendLegacyMessageAsync"/>.
/// </summary>
internal sealed class TestGatewayComponent : IAsyncDisposable
{
    private static readonly XNamespace Accept = "jabber:component:accept";
    private static readonly XNamespace Register = "jabber:iq:register";
    private static readonly XNamespace IqGateway = "jabber:iq:gateway";
    private static readonly XNamespace DiscoInfo = "http://jabber.org/protocol/disco#info";
    private static readonly XNamespace Stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private XmlReader? _reader;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Channel<XElement> _received = Channel.CreateUnbounded<XElement>();
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _registered = [];
    private readonly HashSet<string> _loggedIn = [];
    private readonly Dictionary<string, HashSet<string>> _contacts = [];
    private Task _loop = Task.CompletedTask;

    private TestGatewayComponent(ComponentEndpoint endpoint, TcpClient tcp)
    {
        Domain = endpoint.Domain;
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>The gateway's domain, such as <c>gateway.prosody.test</c>.</summary>
    public string Domain { get; }

    /// <summary>Connects and authenticates (XEP-0114 handshake), then serves stanzas until disposed.</summary>
    public static async Task<TestGatewayComponent> ConnectAsync(ComponentEndpoint endpoint, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.EndPoint, cancellationToken);
        var component = new TestGatewayComponent(endpoint, tcp);
        try
        {
            await component.HandshakeAsync(endpoint.Secret).WaitAsync(Wait, cancellationToken);
            component._loop = Task.Run(component.ServeAsync, CancellationToken.None);
            return component;
        }
        catch
        {
            await component.DisposeAsync();
            throw;
        }
    }

    /// <summary>The bare JID of a legacy contact: its address escaped as XEP-0106 says, at the gateway.</summary>
    public string ContactJid(string legacyAddress) => $"{Escape(legacyAddress)}@{Domain}";

    /// <summary>Whether the user (bare JID) is registered with the gateway.</summary>
    public bool IsRegistered(string user)
    {
        lock (_gate)
        {
            return _registered.ContainsKey(user);
        }
    }

    /// <summary>The legacy user name the user registered with.</summary>
    public string? RegisteredName(string user)
    {
        lock (_gate)
        {
            return _registered.GetValueOrDefault(user);
        }
    }

    /// <summary>Waits for the next stanza the gateway received that matches.</summary>
    public async Task<XElement> NextAsync(Func<XElement, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            while (true)
            {
                var stanza = await _received.Reader.ReadAsync(timeout.Token);
                if (match(stanza))
                {
                    return stanza;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The test gateway waited {Wait.TotalSeconds:0} s for {what}.");
        }
    }

    /// <summary>A legacy contact sends the user a chat message.</summary>
    public Task SendLegacyMessageAsync(string legacyAddress, string to, string body) =>
        SendAsync(new XElement(Accept + "message", new XAttribute("from", ContactJid(legacyAddress)), new XAttribute("to", to),
            new XAttribute("type", "chat"), new XAttribute("id", Guid.NewGuid().ToString("N")), new XElement(Accept + "body", body)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_tcp.Connected)
            {
                await WriteAsync("</stream:stream>");
            }
        }
        catch (IOException)
        {
            // The server closed first.
        }

        _tcp.Dispose();
        try
        {
            await _loop.WaitAsync(Wait);
        }
        catch (Exception error) when (error is IOException or XmlException or ObjectDisposedException or SocketException)
        {
            // The read loop ends with the socket.
        }

        _reader?.Dispose();
        _writing.Dispose();
    }

    private async Task HandshakeAsync(string secret)
    {
        await WriteAsync($"<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='{Domain}'>");
        var id = await Task.Run(() =>
        {
            // Created only now: XmlReader.Create reads the first bytes at once, and the server sends nothing before our header.
            _reader = XmlReader.Create(_stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, CloseInput = false });
            _reader.MoveToContent();
            return _reader.LocalName == "stream" ? _reader.GetAttribute("id") : null;
        });
        if (id is null)
        {
            throw new InvalidOperationException("The server did not open a component stream with an id.");
        }

        var digest = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id + secret)));
        await WriteAsync($"<handshake>{digest}</handshake>");
        var answer = await Task.Run(() => NextElement() ?? throw new InvalidOperationException("The server closed the component stream."));
        if (answer.Name.LocalName != "handshake")
        {
            throw new InvalidOperationException($"The server refused the component handshake: {answer}");
        }
    }

    /// <summary>The next top-level element, read without reading past its end; null at the end of the stream.</summary>
    private XElement? NextElement()
    {
        var reader = _reader!;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                using var subtree = reader.ReadSubtree();
                return XElement.Load(subtree);
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
            {
                return null;
            }
        }

        return null;
    }

    private async Task ServeAsync()
    {
        while (NextElement() is { } stanza)
        {
            _received.Writer.TryWrite(stanza);
            await HandleAsync(stanza);
        }

        _received.Writer.TryComplete();
    }

    private Task HandleAsync(XElement stanza) => stanza.Name.LocalName switch
    {
        "iq" => AnswerIqAsync(stanza),
        "presence" => OnPresenceAsync(stanza),
        "message" => OnMessageAsync(stanza),
        _ => Task.CompletedTask,
    };

    private async Task AnswerIqAsync(XElement iq)
    {
        var type = (string?)iq.Attribute("type");
        if (type is not ("get" or "set"))
        {
            return;
        }

        var from = (string)iq.Attribute("from")!;
        var user = Bare(from);
        var query = iq.Elements().FirstOrDefault();
        var toGateway = (string?)iq.Attribute("to") == Domain;
        XElement? result = (toGateway, query?.Name, type) switch
        {
            (true, { } name, "get") when name == DiscoInfo + "query" => new XElement(DiscoInfo + "query",
                new XElement(DiscoInfo + "identity", new XAttribute("category", "gateway"), new XAttribute("type", "irc"), new XAttribute("name", "Test IRC gateway")),
                new XElement(DiscoInfo + "feature", new XAttribute("var", DiscoInfo.NamespaceName)),
                new XElement(DiscoInfo + "feature", new XAttribute("var", Register.NamespaceName)),
                new XElement(DiscoInfo + "feature", new XAttribute("var", IqGateway.NamespaceName))),
            (true, { } name, "get") when name == Register + "query" => RegistrationForm(user),
            (true, { } name, "get") when name == IqGateway + "query" => new XElement(IqGateway + "query",
                new XElement(IqGateway + "desc", "Enter the address of the legacy contact (user@legacy)."),
                new XElement(IqGateway + "prompt", "Legacy address")),
            (true, { } name, "set") when name == IqGateway + "query" && query!.Element(IqGateway + "prompt")?.Value is { Length: > 0 } address =>
                new XElement(IqGateway + "query", new XElement(IqGateway + "jid", ContactJid(address))),
            _ => null,
        };

        if (toGateway && query?.Name == Register + "query" && type == "set")
        {
            await RegisterAsync(iq, user, query);
            return;
        }

        await SendAsync(result is not null ? Result(iq, result) : Error(iq, "cancel", "service-unavailable"));
    }

    private XElement RegistrationForm(string user)
    {
        var name = RegisteredName(user);
        return new XElement(Register + "query",
            new XElement(Register + "instructions", "Enter your legacy network user name and password."),
            name is null ? null : new XElement(Register + "registered"),
            new XElement(Register + "username", name),
            new XElement(Register + "password"));
    }

    private async Task RegisterAsync(XElement iq, string user, XElement query)
    {
        if (query.Element(Register + "remove") is not null)
        {
            bool was;
            string[] contacts;
            lock (_gate)
            {
                was = _registered.Remove(user);
                _loggedIn.Remove(user);
                contacts = _contacts.Remove(user, out var set) ? [.. set] : [];
            }

            if (!was)
            {
                await SendAsync(Error(iq, "cancel", "registration-required"));
                return;
            }

            await SendAsync(Result(iq, null));
            foreach (var jid in contacts.Append(Domain))
            {
                await SendAsync(Presence(jid, user, "unsubscribe"));
                await SendAsync(Presence(jid, user, "unsubscribed"));
            }

            return;
        }

        var username = query.Element(Register + "username")?.Value;
        var password = query.Element(Register + "password")?.Value;
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            await SendAsync(Error(iq, "modify", "not-acceptable"));
            return;
        }

        lock (_gate)
        {
            _registered[user] = username;
        }

        await SendAsync(Result(iq, null));
        // XEP-0100 §4.1.1: the gateway asks to see the user's presence.
        await SendAsync(Presence(Domain, user, "subscribe"));
    }

    private async Task OnPresenceAsync(XElement presence)
    {
        var from = (string)presence.Attribute("from")!;
        var to = (string?)presence.Attribute("to") ?? Domain;
        var user = Bare(from);
        var type = (string?)presence.Attribute("type");
        var toGateway = to == Domain;
        switch (type)
        {
            case "subscribe" when toGateway:
                await SendAsync(Presence(Domain, user, IsRegistered(user) ? "subscribed" : "unsubscribed"));
                break;
            case "subscribe":
                lock (_gate)
                {
                    if (!_contacts.TryGetValue(user, out var set))
                    {
                        _contacts[user] = set = [];
                    }

                    set.Add(Bare(to));
                }

                await SendAsync(Presence(Bare(to), user, "subscribed"));
                if (IsLoggedIn(user))
                {
                    await SendAsync(Presence(Bare(to), user, null));
                }

                break;
            case null when toGateway && IsRegistered(user):
                lock (_gate)
                {
                    _loggedIn.Add(user);
                }

                await SendAsync(Presence(Domain, from, null));
                foreach (var contact in ContactsOf(user))
                {
                    await SendAsync(Presence(contact, from, null));
                }

                break;
            case null when toGateway:
                await SendAsync(new XElement(Accept + "presence", new XAttribute("from", Domain), new XAttribute("to", from), new XAttribute("type", "error"),
                    new XElement(Accept + "error", new XAttribute("type", "auth"), new XElement(Stanzas + "registration-required"))));
                break;
            case "unavailable" when toGateway:
                lock (_gate)
                {
                    _loggedIn.Remove(user);
                }

                foreach (var contact in ContactsOf(user))
                {
                    await SendAsync(Presence(contact, from, "unavailable"));
                }

                await SendAsync(Presence(Domain, from, "unavailable"));
                break;
            case "probe":
                await SendAsync(Presence(Bare(to), from, IsLoggedIn(user) ? null : "unavailable"));
                break;
        }
    }

    private async Task OnMessageAsync(XElement message)
    {
        var to = (string?)message.Attribute("to");
        var body = message.Element(Accept + "body")?.Value;
        if (to is null || body is null || Bare(to) == Domain)
        {
            return;
        }

        await SendAsync(new XElement(Accept + "message", new XAttribute("from", Bare(to)), new XAttribute("to", (string)message.Attribute("from")!),
            new XAttribute("type", "chat"), new XElement(Accept + "body", $"echo: {body}")));
    }

    private bool IsLoggedIn(string user)
    {
        lock (_gate)
        {
            return _loggedIn.Contains(user);
        }
    }

    private string[] ContactsOf(string user)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(user, out var set) ? [.. set] : [];
        }
    }

    private static XElement Presence(string from, string to, string? type) =>
        new(Accept + "presence", new XAttribute("from", from), new XAttribute("to", to), type is null ? null : new XAttribute("type", type));

    private static XElement Result(XElement iq, XElement? payload) =>
        new(Accept + "iq", new XAttribute("type", "result"), new XAttribute("id", (string)iq.Attribute("id")!),
            new XAttribute("from", (string)iq.Attribute("to")!), new XAttribute("to", (string)iq.Attribute("from")!), payload);

    private static XElement Error(XElement iq, string type, string condition) =>
        new(Accept + "iq", new XAttribute("type", "error"), new XAttribute("id", (string)iq.Attribute("id")!),
            new XAttribute("from", (string)iq.Attribute("to")!), new XAttribute("to", (string)iq.Attribute("from")!),
            new XElement(Accept + "error", new XAttribute("type", type), new XElement(Stanzas + condition)));

    private static string Bare(string jid) => jid.Split('/', 2)[0];

    /// <summary>XEP-0106 escaping of the characters a localpart may not hold (the test addresses have no backslash).</summary>
    private static string Escape(string address) => string.Concat(address.Select(c => c switch
    {
        ' ' => "\\20", '"' => "\\22", '&' => "\\26", '\'' => "\\27", '/' => "\\2f", ':' => "\\3a", '<' => "\\3c", '>' => "\\3e", '@' => "\\40",
        _ => c.ToString(),
    }));

    private Task SendAsync(XElement stanza) => WriteAsync(stanza.ToString(SaveOptions.DisableFormatting));

    private async Task WriteAsync(string xml)
    {
        await _writing.WaitAsync();
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(xml));
            await _stream.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }
}
