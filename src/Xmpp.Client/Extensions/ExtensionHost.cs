using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions;

/// <summary>
/// A client's extensions: creates them from <see cref="XmppClientOptions.Extensions"/> (dependencies first), collects
/// what they register, and runs it for the client — routes, decorators, watchers and lifecycle callbacks.
/// </summary>
internal sealed class ExtensionHost
{
    private readonly XmppClient _client;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Dictionary<Type, XmppExtension> _byType = [];
    private readonly HashSet<Type> _initializing = [];
    private readonly Dictionary<Type, XmppExtensionSet.Registration> _registered = [];
    private readonly List<StanzaRouter.Route> _routes = [];
    private readonly List<Action<Stanza>> _decorators = [];
    private readonly List<Action<Stanza>> _watchers = [];
    private Action<Stanza>[] _decorate = [];
    private Action<Stanza>[] _watch = [];

    public ExtensionHost(XmppClient client, ILoggerFactory loggerFactory, ILogger logger)
    {
        _client = client;
        _loggerFactory = loggerFactory;
        _logger = logger;
        Router = StanzaRouter.Build([], logger);
    }

    public AnnouncedFeatures Features { get; } = new();

    /// <summary>The extensions' background tasks, stopped when the client is disposed.</summary>
    public BackgroundWork Background { get; } = new();

    public StanzaRouter Router { get; private set; }

    public List<Func<XmppSessionStartedEventArgs, CancellationToken, Task>> SessionStarted { get; } = [];

    public List<Action<XmppSessionStartedEventArgs>> NewSession { get; } = [];

    public List<Func<XmppSessionEndedEventArgs, Task>> SessionEnded { get; } = [];

    /// <summary>Every extension, in the order they initialised.</summary>
    public List<XmppExtension> Extensions { get; } = [];

    /// <summary>Creates and initialises the registered extensions, then fixes the tables.</summary>
    public void Create(XmppExtensionSet set)
    {
        foreach (var registration in set.Registrations)
        {
            _registered[registration.Type] = registration;
        }

        foreach (var registration in set.Registrations)
        {
            Get(registration.Type, registration.Create, requiredBy: null);
        }

        Router = StanzaRouter.Build(_routes, _logger);
        _decorate = [.. _decorators];
        _watch = [.. _watchers];
    }

    public T? Find<T>()
        where T : XmppExtension => _byType.TryGetValue(typeof(T), out var extension) ? (T)extension : null;

    public T Require<T>(XmppExtensionContext requiredBy)
        where T : XmppExtension, new()
    {
        var create = _registered.TryGetValue(typeof(T), out var registration) ? registration.Create : static () => new T();
        return (T)Get(typeof(T), create, requiredBy);
    }

    public void AddRoute(XmppExtensionContext owner, StanzaRouter.Route route)
    {
        _routes.Add(route with { Owner = owner.Extension.GetType().Name });
    }

    public void AddDecorator(Action<Stanza> decorate) => _decorators.Add(decorate);

    public void AddWatcher(Action<Stanza> watch) => _watchers.Add(watch);

    /// <summary>Lets the decorators (unless <paramref name="decorate"/> is off) and then the watchers see a stanza about to be sent.</summary>
    public void PrepareOutgoing(Stanza stanza, bool decorate)
    {
        if (decorate)
        {
            foreach (var decorator in _decorate)
            {
                decorator(stanza);
            }
        }

        foreach (var watcher in _watch)
        {
            watcher(stanza);
        }
    }

    public async Task StartSessionAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        foreach (var handler in SessionStarted)
        {
            await handler(session, cancellationToken).ConfigureAwait(false);
        }
    }

    public void RunNewSession(XmppSessionStartedEventArgs session)
    {
        foreach (var handler in NewSession)
        {
            try
            {
                handler(session);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, "extension's new-session callback", error);
            }
        }
    }

    public async ValueTask RunSessionEndedAsync(XmppSessionEndedEventArgs ended)
    {
        foreach (var handler in SessionEnded)
        {
            try
            {
                await handler(ended).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, "extension's session-ended callback", error);
            }
        }
    }

    private XmppExtension Get(Type type, Func<XmppExtension> create, XmppExtensionContext? requiredBy)
    {
        if (_byType.TryGetValue(type, out var existing))
        {
            return existing;
        }

        if (!_initializing.Add(type))
        {
            throw new InvalidOperationException(
                $"{requiredBy?.Extension.GetType().Name} and {type.Name} require each other (directly or through others); break the cycle.");
        }

        var extension = create();
        if (extension.GetType() != type)
        {
            throw new InvalidOperationException($"The factory registered for {type.Name} made a {extension.GetType().Name}.");
        }

        var context = new XmppExtensionContext(_client, this, extension, _loggerFactory);
        extension.Attach(context);
        context.Seal();
        _initializing.Remove(type);
        _byType[type] = extension;
        Extensions.Add(extension);
        return extension;
    }
}
