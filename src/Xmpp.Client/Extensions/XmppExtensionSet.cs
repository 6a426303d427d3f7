using System.Collections;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.Extensions.Bookmarks;
using Xmpp.Client.Extensions.Carbons;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.ClientState;
using Xmpp.Client.Extensions.Corrections;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.EntityTime;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Extensions.Ping;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Extensions.SoftwareVersion;
using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Extensions.VCards;

namespace Xmpp.Client.Extensions;

/// <summary>
/// Which extensions a client runs, in order: an immutable list of registrations, each a type and how to create it,
/// set in <see cref="XmppClientOptions.Extensions"/>. Every client made with the options creates its own instances.
/// </summary>
/// <remarks>
/// <para>Built-in and third-party extensions register the same way. <see cref="Default"/> holds every built-in;
/// <see cref="Add{T}()"/> and <see cref="Remove{T}"/> return changed copies:</para>
/// <code>
/// Extensions = XmppExtensionSet.Default.Remove&lt;ChatStatesExtension&gt;().Add&lt;StatsExtension&gt;()
/// </code>
/// <para>Extensions initialise in this order, and their routes see received stanzas in it. An extension that needs
/// another asks for it with <see cref="XmppExtensionContext.Require{T}"/>: the other one initialises first, and is
/// created even when it is not in the set. No reflection: the set holds factories.</para>
/// </remarks>
public sealed class XmppExtensionSet : IReadOnlyCollection<Type>
{
    private readonly Registration[] _registrations;

    private XmppExtensionSet(Registration[] registrations)
    {
        _registrations = registrations;
    }

    /// <summary>No extension: only the core protocol (and answers to pings, see <see cref="XmppClientOptions.AnswerPings"/>).</summary>
    public static XmppExtensionSet Empty { get; } = new([]);

    /// <summary>
    /// Every built-in extension: service discovery and capabilities, ping, software version, entity time, delivery
    /// receipts, chat states, stanza ids, carbons, multi-user chat, corrections and retractions, personal eventing and
    /// bookmarks, the message archive, vCards, client state indication, in-band registration (password change, account
    /// deletion, registering with gateways), HTTP file upload, roster, blocking and availability (presence and
    /// subscriptions). Avatars (<c>AvatarExtension</c>) are not in it: they read the own vCard at each login and put a
    /// hash in every presence; add them with <c>Add&lt;AvatarExtension&gt;()</c>. Nor are gateways (<c>GatewaysExtension</c>,
    /// which needs the roster and availability): add them with <c>Add&lt;GatewaysExtension&gt;()</c>.
    /// </summary>
    public static XmppExtensionSet Default { get; } = Empty
        .Add<DiscoExtension>()
        .Add<PingExtension>()
        .Add<SoftwareVersionExtension>()
        .Add<EntityTimeExtension>()
        .Add<ReceiptsExtension>()
        .Add<ChatStatesExtension>()
        .Add<StanzaIdsExtension>()
        .Add<CarbonsExtension>()
        .Add<MucExtension>()
        .Add<CorrectionsExtension>()
        .Add<PepExtension>()
        .Add<BookmarksExtension>()
        .Add<MamExtension>()
        .Add<VCardExtension>()
        .Add<ClientStateExtension>()
        .Add<RegistrationExtension>()
        .Add<HttpUploadExtension>()
        .Add<RosterExtension>()
        .Add<BlockingExtension>()
        .Add<AvailabilityExtension>();

    /// <summary>How many extensions are registered.</summary>
    public int Count => _registrations.Length;

    /// <summary>Whether an extension of that type is registered.</summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    public bool Contains<T>()
        where T : XmppExtension => IndexOf(typeof(T)) >= 0;

    /// <summary>Adds an extension created with its parameterless constructor (or replaces the registration of that type, in place).</summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    /// <returns>The changed set.</returns>
    public XmppExtensionSet Add<T>()
        where T : XmppExtension, new() => Add(static () => new T());

    /// <summary>Adds an extension made by <paramref name="create"/> for each client (or replaces the registration of that type, in place).</summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    /// <param name="create">Makes a new instance; called once per client, from its constructor.</param>
    /// <returns>The changed set.</returns>
    public XmppExtensionSet Add<T>(Func<T> create)
        where T : XmppExtension
    {
        ArgumentNullException.ThrowIfNull(create);
        var registration = new Registration(typeof(T), create);
        var index = IndexOf(typeof(T));
        if (index < 0)
        {
            return new([.. _registrations, registration]);
        }

        var copy = (Registration[])_registrations.Clone();
        copy[index] = registration;
        return new(copy);
    }

    /// <summary>Removes an extension. Another registered extension that requires it still brings it back.</summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    /// <returns>The changed set (the same one when <typeparamref name="T"/> was not in it).</returns>
    public XmppExtensionSet Remove<T>()
        where T : XmppExtension =>
        IndexOf(typeof(T)) < 0 ? this : new([.. _registrations.Where(registration => registration.Type != typeof(T))]);

    /// <summary>The registered types, in order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<Type> GetEnumerator() => _registrations.Select(registration => registration.Type).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The types, for printing options.</summary>
    /// <returns>Such as <c>[DiscoExtension, PingExtension]</c>.</returns>
    public override string ToString() => $"[{string.Join(", ", _registrations.Select(registration => registration.Type.Name))}]";

    /// <summary>The registrations, in order.</summary>
    internal IReadOnlyList<Registration> Registrations => _registrations;

    private int IndexOf(Type type) => Array.FindIndex(_registrations, registration => registration.Type == type);

    /// <summary>An extension's type and how to make one.</summary>
    internal sealed record Registration(Type Type, Func<XmppExtension> Create);
}
