namespace Xmpp.Client.Hosting;

/// <summary>
/// What <c>AddXmppClient</c> recorded for one account (named options of the account's name): where its settings come
/// from in configuration, for error messages, and the changes to apply to its <see cref="XmppClientOptions"/>.
/// </summary>
internal sealed class XmppClientRegistration
{
    /// <summary>Whether an account of this name was added (named options exist for every name).</summary>
    public bool Added { get; set; }

    /// <summary>The configuration path of the account's section (such as <c>Xmpp</c>), empty for a delegate.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>The changes <c>XmppClientBuilder.ConfigureOptions</c> asked for, in order.</summary>
    public List<Func<XmppClientOptions, IServiceProvider, XmppClientOptions>> Customizations { get; } = [];
}
