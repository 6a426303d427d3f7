using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>An extension whose initialisation the test writes; subclasses give distinct types for ordering tests.</summary>
internal class ScriptedExtension(Action<XmppExtensionContext> initialize) : XmppExtension
{
    public XmppExtensionContext? Given { get; private set; }

    protected override void Initialize(XmppExtensionContext context)
    {
        Given = context;
        initialize(context);
    }
}

internal sealed class FirstExtension(Action<XmppExtensionContext> initialize) : ScriptedExtension(initialize);

internal sealed class SecondExtension(Action<XmppExtensionContext> initialize) : ScriptedExtension(initialize);

/// <summary>An extension with a parameterless constructor, for <see cref="XmppExtensionContext.Require{T}"/>.</summary>
internal sealed class DependencyExtension : XmppExtension
{
    public static readonly XName Payload = XName.Get("dep", "urn:example:dep");

    public List<string> Seen { get; } = [];

    protected override void Initialize(XmppExtensionContext context) =>
        context.OnMessage((message, _) =>
        {
            lock (Seen)
            {
                Seen.Add($"dependency {message.Id}");
            }

            return new(false);
        });
}

/// <summary>Requires <see cref="DependencyExtension"/>.</summary>
internal sealed class DependentExtension : XmppExtension
{
    public DependencyExtension? Dependency { get; private set; }

    protected override void Initialize(XmppExtensionContext context)
    {
        Dependency = context.Require<DependencyExtension>();
        context.OnMessage((message, _) =>
        {
            lock (Dependency.Seen)
            {
                Dependency.Seen.Add($"dependent {message.Id}");
            }

            return new(false);
        });
    }
}

internal sealed class CycleA : XmppExtension
{
    protected override void Initialize(XmppExtensionContext context) => context.Require<CycleB>();
}

internal sealed class CycleB : XmppExtension
{
    protected override void Initialize(XmppExtensionContext context) => context.Require<CycleA>();
}

/// <summary>A typed payload: <c>&lt;stats xmlns='urn:example:stats' uptime='…'/&gt;</c>; reading it without 'uptime' throws.</summary>
internal sealed record Stats(int Uptime) : IXmppPayload<Stats>
{
    public static XName ElementName { get; } = XName.Get("stats", "urn:example:stats");

    public static Stats FromXElement(XElement element) =>
        new((int?)element.Attribute("uptime") ?? throw new FormatException("uptime is missing"));

    public XElement ToXElement() => new(ElementName, new XAttribute("uptime", Uptime));
}
