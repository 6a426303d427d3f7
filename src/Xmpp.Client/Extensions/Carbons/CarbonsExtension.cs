using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Carbons;

/// <summary>
/// Message carbons (XEP-0280): the server copies to this resource the messages the account's other resources receive
/// and send, so every device shows the whole conversation. Enabled after each new session when the server offers
/// <c>urn:xmpp:carbons:2</c> (unless <see cref="Enable"/> is off); a resumed session keeps it.
/// </summary>
/// <remarks>
/// <para>A copy is raised as <see cref="CarbonReceived"/>, with the copied message and which way it went; it never
/// reaches <see cref="XmppClient.MessageReceived"/>, so a copy is never taken for a message from the copied sender.
/// Copies are accepted only from the account's bare JID (or without 'from'): anything else, a contact or another
/// resource of the account, is a forgery (CVE-2017-5589), dropped and logged.</para>
/// <para>To keep a message off the other resources, mark it with <see cref="MarkPrivate"/> before sending it.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed class CarbonsExtension : XmppExtension
{
    /// <summary>The namespace of XEP-0280.</summary>
    public const string Namespace = "urn:xmpp:carbons:2";

    /// <summary><c>&lt;private xmlns='urn:xmpp:carbons:2'/&gt;</c>: the server must not copy the message (XEP-0280 §7).</summary>
    public static readonly XName PrivateName = XName.Get("private", Namespace);

    /// <summary><c>&lt;no-copy xmlns='urn:xmpp:hints'/&gt;</c> (XEP-0334), sent with <see cref="PrivateName"/>.</summary>
    public static readonly XName NoCopyName = XName.Get("no-copy", "urn:xmpp:hints");

    private static readonly XName ReceivedName = XName.Get("received", Namespace);
    private static readonly XName SentName = XName.Get("sent", Namespace);
    private DiscoExtension? _disco;
    private volatile bool _enabled;

    /// <summary>
    /// Raised for each carbon copy received from the account's server, in stream order on the client's event task. A
    /// handler that throws is logged and does not affect the session.
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<CarbonEventArgs, Task>? CarbonReceived;

    /// <summary>Whether to enable carbons on each new session when the server offers them. <see langword="true"/> by default.</summary>
    public bool Enable { get; init; } = true;

    /// <summary>Whether the server accepted to send carbons on the current (or last) session.</summary>
    public bool IsEnabled => _enabled;

    /// <summary>
    /// Marks a message private: with <c>&lt;private/&gt;</c> (XEP-0280 §7) and the XEP-0334 hint <c>&lt;no-copy/&gt;</c>,
    /// so the server copies it neither to the account's other resources nor to the recipient's.
    /// </summary>
    /// <param name="message">The message to send; changed in place (once, however often it is called).</param>
    /// <returns>The same message.</returns>
    public static Message MarkPrivate(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.HasPayload(PrivateName))
        {
            message.AddPayload(PrivateName);
        }

        if (!message.HasPayload(NoCopyName))
        {
            message.AddPayload(NoCopyName);
        }

        return message;
    }

    /// <summary>Whether a message is marked private (<c>&lt;private xmlns='urn:xmpp:carbons:2'/&gt;</c>).</summary>
    /// <param name="message">A message.</param>
    public static bool IsPrivate(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.HasPayload(PrivateName);
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        context.AddFeature(Namespace);
        context.OnMessage(OnCarbonAsync, [ReceivedName, SentName]);
        context.OnSessionStarted(OnSessionStartedAsync);
    }

    private async Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (session.IsResumed)
        {
            return; // The server kept the session's carbons state.
        }

        _enabled = false;
        if (!Enable)
        {
            return;
        }

        try
        {
            var info = await _disco!.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            if (!info.HasFeature(Namespace))
            {
                CarbonsLog.NotOffered(Context.Logger);
                return;
            }

            await Client.SendIqAsync(new Iq(IqType.Set, new XElement(XName.Get("enable", Namespace))), cancellationToken).ConfigureAwait(false);
            _enabled = true;
            CarbonsLog.Enabled(Context.Logger);
        }
        catch (XmppIqErrorException error)
        {
            CarbonsLog.EnableFailed(Context.Logger, error.Error.ConditionName, error);
        }
        catch (XmppTimeoutException error)
        {
            CarbonsLog.EnableFailed(Context.Logger, "no answer in time", error);
        }
    }

    private async ValueTask<bool> OnCarbonAsync(Message carbon, CancellationToken cancellationToken)
    {
        if (!Context.IsFromAccount(carbon))
        {
            CarbonsLog.Forged(Context.Logger, carbon.From?.ToString() ?? string.Empty);
            return true;
        }

        var direction = carbon.HasPayload(ReceivedName) ? CarbonDirection.Received : CarbonDirection.Sent;
        var wrapper = carbon.GetPayload(direction == CarbonDirection.Received ? ReceivedName : SentName)!;
        if (ForwardedMessage.Read(wrapper) is not { } message)
        {
            CarbonsLog.Unreadable(Context.Logger, carbon.From?.ToString() ?? string.Empty);
            return true;
        }

        await Context.RaiseAsync(CarbonReceived, new CarbonEventArgs(direction, message, carbon), nameof(CarbonReceived)).ConfigureAwait(false);
        return true;
    }
}
