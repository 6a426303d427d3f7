using System.Globalization;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// Binds a resource (RFC 6120 §7), requested or assigned by the server, then establishes the RFC 3921 session
/// when the server still lists it as required.
/// </summary>
internal sealed class ResourceBinder
{
    private readonly XmppClientOptions _options;
    private readonly ILogger _logger;

    public ResourceBinder(XmppClientOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    public async Task<Jid> BindAsync(XmppStream stream, XmppElement features, CancellationToken cancellationToken)
    {
        if (features.Element("bind", Namespaces.Bind) is null)
        {
            await stream.CloseAsync(cancellationToken).ConfigureAwait(false);
            throw new XmppException($"The server of '{_options.Jid.Domain}' offered no resource binding after authentication.");
        }

        var bind = new XmppElement("bind", Namespaces.Bind);
        var resource = _options.Resource ?? _options.Jid.Resource;
        if (resource is not null)
        {
            bind.Add(new XmppElement("resource", Namespaces.Bind).AddText(resource));
        }

        var result = await RequestAsync(stream, bind, "binding a resource", cancellationToken).ConfigureAwait(false);
        var text = result.Element("bind", Namespaces.Bind)?.Element("jid", Namespaces.Bind)?.Value;
        if (!Jid.TryParse(text, out var bound) || bound.IsBare)
        {
            throw new XmppException($"The server answered resource binding with an invalid JID '{text}'.");
        }

        SessionLog.Bound(_logger, bound.ToString());
        var session = features.Element("session", Namespaces.Session);
        if (session is not null && session.Element("optional", Namespaces.Session) is null)
        {
            SessionLog.EstablishingSession(_logger);
            await RequestAsync(stream, new XmppElement("session", Namespaces.Session), "establishing the session", cancellationToken)
                .ConfigureAwait(false);
        }

        return bound;
    }

    private static async Task<XmppElement> RequestAsync(XmppStream stream, XmppElement payload, string what, CancellationToken cancellationToken)
    {
        var id = "neg-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        var request = new XmppElement("iq", Namespaces.Client)
            .SetAttribute("type", "set")
            .SetAttribute("id", id)
            .Add(payload);
        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var answer = await stream.ReadElementAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new XmppConnectionLostException($"The server closed the stream while {what}.");
            if (answer.Name != "iq" || answer.Namespace != Namespaces.Client || answer.GetAttribute("id") != id)
            {
                continue;
            }

            if (answer.GetAttribute("type") == "result")
            {
                return answer;
            }

            var condition = answer.Element("error", Namespaces.Client)?.Elements()
                .FirstOrDefault(e => e.Namespace == Namespaces.Stanzas && e.Name != "text")?.Name ?? "unknown";
            throw new XmppException($"The server refused {what}: {condition}.");
        }
    }
}
