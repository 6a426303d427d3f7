using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

internal sealed partial class ServerSession
{
    /// <summary>Handles one frame; <see langword="false"/> when the stream has ended.</summary>
    private bool Handle(Frame frame)
    {
        if (frame.Kind == FrameKind.StreamEnd)
        {
            Close();
            return false;
        }

        if (frame.Kind == FrameKind.StreamHeader)
        {
            return OpenStream(StanzaParser.ParseHeader(frame.Text));
        }

        var element = StanzaParser.ParseElement(frame.Text);
        switch (_stage)
        {
            case Stage.AwaitingAuth:
                return Authenticate(element);
            case Stage.AwaitingBind:
                return BindResource(element);
            case Stage.Ready when element.Name.Namespace == Ns.Client && element.Name.LocalName is "message" or "presence" or "iq":
                _router.Route(this, element);
                return true;
            case Stage.Ready:
                Close("unsupported-stanza-type");
                return false;
            default:
                Close("not-authorized");
                return false;
        }
    }

    private bool OpenStream(XElement header)
    {
        if (_stage is not (Stage.AwaitingHeader or Stage.AwaitingRestart))
        {
            Close("invalid-xml");
            return false;
        }

        var features = _stage == Stage.AwaitingHeader
            ? $"<mechanisms xmlns='{Ns.Sasl.NamespaceName}'><mechanism>PLAIN</mechanism></mechanisms>"
            : $"<bind xmlns='{Ns.Bind.NamespaceName}'/>";
        Send($"<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='{Ns.Streams}' id='{Guid.NewGuid():N}' " +
             $"from='{_router.Domain}' version='1.0' xml:lang='en'>");
        if (!string.Equals((string?)header.Attribute("to"), _router.Domain, StringComparison.OrdinalIgnoreCase))
        {
            Close("host-unknown");
            return false;
        }

        Send($"<stream:features>{features}</stream:features>");
        _stage = _stage == Stage.AwaitingHeader ? Stage.AwaitingAuth : Stage.AwaitingBind;
        return true;
    }

    private bool Authenticate(XElement auth)
    {
        if (auth.Name != Ns.Sasl + "auth" || (string?)auth.Attribute("mechanism") != "PLAIN")
        {
            Send(new XElement(Ns.Sasl + "failure", new XElement(Ns.Sasl + "invalid-mechanism")));
            return true;
        }

        var account = TryDecodePlain(auth.Value, out var user, out var password) ? _router.Authenticate(user, password) : null;
        if (account is null)
        {
            Send(new XElement(Ns.Sasl + "failure", new XElement(Ns.Sasl + "not-authorized")));
            if (++_authFailures >= MaxAuthFailures)
            {
                Close("policy-violation");
                return false;
            }

            return true;
        }

        Account = account;
        _stage = Stage.AwaitingRestart;
        Send(new XElement(Ns.Sasl + "success"));
        return true;
    }

    private static bool TryDecodePlain(string base64, out string user, out string password)
    {
        user = password = string.Empty;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\0');
        if (parts.Length != 3)
        {
            return false;
        }

        (user, password) = (parts[1], parts[2]);
        return true;
    }

    private bool BindResource(XElement iq)
    {
        var bind = iq.Element(Ns.Bind + "bind");
        if (iq.Name != Ns.Client + "iq" || (string?)iq.Attribute("type") != "set" || bind is null)
        {
            Close("not-authorized");
            return false;
        }

        var requested = ((string?)bind.Element(Ns.Bind + "resource"))?.Trim();
        FullJid = _router.Bind(this, Account!, string.IsNullOrEmpty(requested) ? null : requested);
        _stage = Stage.Ready;
        Log.Bound(_logger, FullJid);
        Send(new XElement(Ns.Client + "iq",
            new XAttribute("type", "result"),
            new XAttribute("id", (string?)iq.Attribute("id") ?? string.Empty),
            new XElement(Ns.Bind + "bind", new XElement(Ns.Bind + "jid", FullJid.ToString()))));
        return true;
    }

    /// <summary>The priority of an available presence (RFC 6121 §4.7.2.3), 0 when absent or invalid.</summary>
    public static int ParsePriority(XElement presence) =>
        int.TryParse((string?)presence.Element(Ns.Client + "priority"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, -128, 127)
            : 0;
}
