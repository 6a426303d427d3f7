namespace Xmpp.Client.Extensions;

/// <summary>
/// The base of every protocol extension, the built-in ones (roster, service discovery, receipts …) and yours: it says
/// in <see cref="Initialize"/> what it handles and adds, through the <see cref="XmppExtensionContext"/> it is given,
/// and offers its own API to the application. Register it in <see cref="XmppClientOptions.Extensions"/>; reach it with
/// <see cref="XmppClient.GetExtension{T}"/> (a package usually wraps that in an extension method).
/// </summary>
/// <remarks>
/// <para>One instance belongs to one client: the client creates it from its registration when the client is created,
/// and calls <see cref="Initialize"/> once, before anything is sent or received.</para>
/// <para>What the context calls back runs in a defined order: received stanzas on the client's event task in stream
/// order, through the routes of the extensions in the order they were initialised (an extension's dependencies first);
/// outgoing stanzas on the sender's thread.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class StatsExtension : XmppExtension
/// {
///     public static readonly XName Query = XName.Get("query", "urn:example:stats");
///
///     protected override void Initialize(XmppExtensionContext context)
///     {
///         context.AddFeature(Query.NamespaceName);
///         context.HandleIq(Query, (request, cancellationToken) =&gt;
///             Task.FromResult(request.CreateResult(new XElement(Query, new XAttribute("uptime", "42")))));
///     }
/// }
/// </code>
/// </example>
public abstract class XmppExtension
{
    private XmppExtensionContext? _context;

    /// <summary>The extension's view of its client; set before <see cref="Initialize"/> runs.</summary>
    /// <exception cref="InvalidOperationException">The extension was not registered with a client.</exception>
    protected XmppExtensionContext Context =>
        _context ?? throw new InvalidOperationException(
            $"{GetType().Name} is not attached to a client: register it in XmppClientOptions.Extensions and reach it with client.GetExtension<T>().");

    /// <summary>The client the extension belongs to.</summary>
    protected XmppClient Client => Context.Client;

    /// <summary>
    /// Registers what the extension handles (routes, IQ handlers, decorators, lifecycle callbacks) and announces (disco
    /// features and identities). Called once, from the client's constructor; registering later throws.
    /// </summary>
    /// <param name="context">The extension's view of its client.</param>
    protected abstract void Initialize(XmppExtensionContext context);

    /// <summary>Gives the extension its context and lets it initialise.</summary>
    internal void Attach(XmppExtensionContext context)
    {
        if (_context is not null)
        {
            throw new InvalidOperationException(
                $"This {GetType().Name} already belongs to a client; an extension instance serves one client (register a factory).");
        }

        _context = context;
        Initialize(context);
    }
}
