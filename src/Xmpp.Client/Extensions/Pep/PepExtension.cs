using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>
/// Personal eventing (XEP-0163, on publish-subscribe XEP-0060): publish items to the account's own nodes, read the
/// nodes of the account or of a contact, retract items, delete or configure nodes, and receive notifications of what
/// contacts (and the account's other clients) publish.
/// </summary>
/// <remarks>
/// <para>Part of <see cref="XmppExtensionSet.Default"/>; reach it with <c>client.Pep</c> (an extension that builds on
/// it calls <see cref="XmppExtensionContext.Require{T}"/>). It requires service discovery, which announces the
/// <c>node+notify</c> features (XEP-0163 §4.3).</para>
/// <para>Notifications arrive only for the nodes this client says it wants (<see cref="Subscribe"/>, which announces
/// <c>node+notify</c> in disco#info and the entity capabilities); <see cref="NotificationReceived"/> sees every one
/// that arrives. A notification is accepted only from a bare JID with a local part, or without 'from' (the own
/// account); anything else is ignored and logged.</para>
/// <para>Requests to the own account are sent without 'to' (the server answers for the account). A server without PEP
/// answers with an error (<see cref="XmppIqErrorException"/>): its disco#info of the account's bare JID lists the
/// identity <c>pubsub/pep</c> when it has it. Thread-safe.</para>
/// </remarks>
public sealed partial class PepExtension : XmppExtension
{
    /// <summary>The <c>FORM_TYPE</c> of publish-options (XEP-0223 §3).</summary>
    public const string PublishOptionsFormType = PepXml.PubSub + "#publish-options";

    /// <summary>The <c>FORM_TYPE</c> of a node configuration form (XEP-0060 §16.4.4).</summary>
    public const string NodeConfigFormType = PepXml.PubSub + "#node_config";

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.Require<DiscoExtension>();
        context.AddFeature(PepXml.PubSub);
        context.OnMessage(OnEventAsync, PepXml.EventName);
    }

    /// <summary>
    /// Publishes an item to one of the account's nodes (XEP-0163 §3, XEP-0060 §7.1), creating the node if needed. The
    /// account's contacts (or whoever the node's access model lets in) that want the node get a notification.
    /// </summary>
    /// <param name="node">The node, usually the payload's namespace, such as <c>http://jabber.org/protocol/tune</c>.</param>
    /// <param name="item">The payload (copied).</param>
    /// <param name="itemId">The item's id: an item with the same id is replaced. <see langword="null"/> lets the server
    /// choose one (many nodes keep one item, <c>current</c>).</param>
    /// <param name="publishOptions">Publish-options (XEP-0223): node configuration the publish needs, such as
    /// <c>pubsub#access_model</c>; a <c>submit</c> form, its <see cref="PublishOptionsFormType"/> added when missing.
    /// A new node is created with them; an existing one must already match.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The item's id: the one the server gave in its answer, or else <paramref name="itemId"/>.</returns>
    /// <exception cref="PepPublishOptionsException">The node exists with a configuration that differs from <paramref name="publishOptions"/>.</exception>
    /// <exception cref="XmppIqErrorException">The server refused (or does not support PEP).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<string?> PublishAsync(string node, XElement item, string? itemId = null, DataForm? publishOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(item);
        var pubsub = new XElement(PepXml.PubSubName,
            new XElement(PepXml.Ns + "publish", new XAttribute("node", node),
                new XElement(PepXml.Ns + "item", itemId is null ? null : new XAttribute("id", itemId), new XElement(item))));
        if (publishOptions is not null)
        {
            pubsub.Add(new XElement(PepXml.Ns + "publish-options", OptionsForm(publishOptions, PublishOptionsFormType)));
        }

        Iq reply;
        try
        {
            reply = await Client.SendIqAsync(new Iq(IqType.Set, pubsub), cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (publishOptions is not null && IsPreconditionNotMet(error.Error))
        {
            throw new PepPublishOptionsException(node, error);
        }

        var published = reply.GetPayload(PepXml.PubSubName)?.Element(PepXml.Ns + "publish")?.Element(PepXml.Ns + "item");
        return (string?)published?.Attribute("id") ?? itemId;
    }

    /// <summary>Reads the items of a node (XEP-0060 §6.5), newest last as the server keeps them.</summary>
    /// <param name="owner">The account whose node it is (its bare JID is used), or <see langword="null"/> for the own account.</param>
    /// <param name="node">The node.</param>
    /// <param name="maxItems">At most this many of the newest items; <see langword="null"/> for every one.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The items.</returns>
    /// <exception cref="XmppIqErrorException">The server refused: <c>item-not-found</c> when there is no such node,
    /// <c>forbidden</c> or <c>not-authorized</c> when its access model keeps this account out.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlyList<PepItem>> RetrieveAsync(Jid? owner, string node, int? maxItems = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (maxItems is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "Ask for one item or more, or null for all.");
        }

        var items = new XElement(PepXml.Ns + "items", new XAttribute("node", node));
        if (maxItems is { } max)
        {
            items.SetAttributeValue("max_items", max.ToString(CultureInfo.InvariantCulture));
        }

        var request = new Iq(IqType.Get, new XElement(PepXml.PubSubName, items)) { To = owner?.Bare };
        var reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = reply.GetPayload(PepXml.PubSubName)?.Element(PepXml.Ns + "items");
        return answer is null ? [] : [.. answer.Elements(PepXml.Ns + "item").Select(PepXml.ReadItem)];
    }

    /// <summary>Removes an item from one of the account's nodes (XEP-0060 §7.2).</summary>
    /// <param name="node">The node.</param>
    /// <param name="itemId">The item's id.</param>
    /// <param name="notify">Whether those who want the node are told of the retraction.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused: <c>item-not-found</c> when there is no such node or item.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RetractAsync(string node, string itemId, bool notify = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        var retract = new XElement(PepXml.Ns + "retract", new XAttribute("node", node),
            notify ? new XAttribute("notify", "true") : null,
            new XElement(PepXml.Ns + "item", new XAttribute("id", itemId)));
        await Client.SendIqAsync(new Iq(IqType.Set, new XElement(PepXml.PubSubName, retract)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one of the account's nodes with all its items (XEP-0060 §8.4).</summary>
    /// <param name="node">The node.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused: <c>item-not-found</c> when there is no such node.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task DeleteNodeAsync(string node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var delete = new XElement(PepXml.OwnerPubSubName, new XElement(PepXml.OwnerNs + "delete", new XAttribute("node", node)));
        await Client.SendIqAsync(new Iq(IqType.Set, delete), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a node of the account (XEP-0060 §8.1), configured with <paramref name="configuration"/> when given
    /// (create-and-configure, §8.1.3): for servers whose publish-options do not cover what is needed. Publishing
    /// creates a node by itself otherwise.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="configuration">Node configuration values, such as <c>pubsub#access_model</c>; its
    /// <see cref="NodeConfigFormType"/> is added when missing.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused: <c>conflict</c> when the node exists.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task CreateNodeAsync(string node, DataForm? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var pubsub = new XElement(PepXml.PubSubName, new XElement(PepXml.Ns + "create", new XAttribute("node", node)));
        if (configuration is not null)
        {
            pubsub.Add(new XElement(PepXml.Ns + "configure", OptionsForm(configuration, NodeConfigFormType)));
        }

        await Client.SendIqAsync(new Iq(IqType.Set, pubsub), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for the configuration form of one of the account's nodes (XEP-0060 §8.2).</summary>
    /// <param name="node">The node.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The form, with the current values.</returns>
    /// <exception cref="XmppIqErrorException">The server refused: <c>item-not-found</c> when there is no such node.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no readable form.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<DataForm> GetNodeConfigurationAsync(string node, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var configure = new XElement(PepXml.OwnerPubSubName, new XElement(PepXml.OwnerNs + "configure", new XAttribute("node", node)));
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, configure), cancellationToken).ConfigureAwait(false);
        var form = reply.GetPayload(PepXml.OwnerPubSubName)?.Element(PepXml.OwnerNs + "configure")?.Element(DataForm.ElementName)
            ?? throw new XmppException($"The configuration answer for node '{node}' carried no data form.");
        try
        {
            return DataForm.FromXElement(form);
        }
        catch (FormatException error)
        {
            throw new XmppException($"The configuration form of node '{node}' could not be read: {error.Message}", error);
        }
    }

    /// <summary>
    /// Changes the configuration of one of the account's nodes (XEP-0060 §8.2.4): asks for its form, sets the values of
    /// <paramref name="options"/> in a submission of it (fields the form lacks are added), and submits it. The way to
    /// make an existing node match the publish-options a <see cref="PepPublishOptionsException"/> was about, with the
    /// same form.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="options">The values to set, such as <c>pubsub#access_model</c>; its <c>FORM_TYPE</c> is not copied.</param>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <exception cref="XmppIqErrorException">The server refused (no such node, or a value it does not accept).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="XmppException">The server's form could not be read.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task ConfigureNodeAsync(string node, DataForm options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(options);
        var current = await GetNodeConfigurationAsync(node, cancellationToken).ConfigureAwait(false);
        var submission = current.CreateSubmission();
        if (submission.FormType is null)
        {
            submission.SetValue(DataForm.FormTypeVar, NodeConfigFormType);
        }

        foreach (var field in options.Fields)
        {
            if (field.Var is { } var && var != DataForm.FormTypeVar && field.Type != DataFormFieldType.Fixed)
            {
                submission.SetValues(var, field.Values);
            }
        }

        var configure = new XElement(PepXml.OwnerPubSubName,
            new XElement(PepXml.OwnerNs + "configure", new XAttribute("node", node), submission.ToXElement()));
        await Client.SendIqAsync(new Iq(IqType.Set, configure), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether an error is XEP-0060 §7.1.5's answer to publish-options the node does not match.</summary>
    private static bool IsPreconditionNotMet(StanzaError error) =>
        error.ApplicationCondition == PepXml.PreconditionNotMet
        || (error.Condition == StanzaErrorCondition.Conflict && error.ApplicationCondition is null);

    /// <summary>The options as a submit form with its FORM_TYPE (added first when missing).</summary>
    private static XElement OptionsForm(DataForm options, string formType)
    {
        var x = options.ToXElement();
        if (options.FormType is null)
        {
            x.AddFirst(new DataFormField(DataForm.FormTypeVar, DataFormFieldType.Hidden, [formType]).ToXElement());
        }

        return x;
    }
}
