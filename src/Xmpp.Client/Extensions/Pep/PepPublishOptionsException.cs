using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>
/// A publish with publish-options (XEP-0223) was refused because the node exists with a configuration that differs from
/// the options (XEP-0060 §7.1.5: <c>conflict</c> with <c>precondition-not-met</c>). Nothing was published. Change the
/// node's configuration to match (<see cref="PepExtension.ConfigureNodeAsync"/>, as the node's owner) and publish again,
/// or publish without the options that differ.
/// </summary>
public sealed class PepPublishOptionsException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="node">The node published to.</param>
    /// <param name="innerException">The server's error answer.</param>
    public PepPublishOptionsException(string node, XmppIqErrorException innerException)
        : base(
            $"The PEP node '{node}' exists with a configuration that differs from the publish-options (precondition-not-met, XEP-0060 §7.1.5): "
            + "nothing was published. Reconfigure the node to match (PepExtension.ConfigureNodeAsync) and publish again, or publish without those options.",
            innerException)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(innerException);
        Node = node;
        Error = innerException.Error;
    }

    /// <summary>The node published to.</summary>
    public string Node { get; }

    /// <summary>The error the server answered.</summary>
    public StanzaError Error { get; }
}
