using System.Diagnostics.CodeAnalysis;
using Xmpp.Client.Extensions;
using Xmpp.Client.Internal;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private ExtensionHost _extensions = null!;

    /// <summary>The extensions' routes, decorators and callbacks (for benchmarks and tests).</summary>
    internal ExtensionHost ExtensionHost => _extensions;

    /// <summary>Whether the caller runs inside one of the client's events (see <see cref="XmppExtensionContext.InEventCallback"/>).</summary>
    internal bool InEventCallback => _events.InCallback;

    /// <summary>The extensions this client runs, in the order they initialised (and their routes run).</summary>
    public IReadOnlyList<XmppExtension> Extensions => _extensions.Extensions;

    /// <summary>The identities and features this client announces in service discovery (XEP-0030) and capabilities.</summary>
    public AnnouncedFeatures Features => _extensions.Features;

    /// <summary>
    /// The client's instance of an extension. A package that ships an extension usually wraps this in an extension
    /// method (<c>client.Stats()</c>); the built-ins have properties (<see cref="Roster"/>, <see cref="Disco"/> …).
    /// </summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    /// <returns>The instance.</returns>
    /// <exception cref="InvalidOperationException">The extension is not in <see cref="XmppClientOptions.Extensions"/>
    /// (and no other extension requires it).</exception>
    public T GetExtension<T>()
        where T : XmppExtension =>
        _extensions.Find<T>() ?? throw new InvalidOperationException(
            $"{typeof(T).Name} is not registered: add it to XmppClientOptions.Extensions (XmppExtensionSet.Default holds the built-in ones).");

    /// <summary>The client's instance of an extension, if it runs one.</summary>
    /// <typeparam name="T">The extension's type.</typeparam>
    /// <param name="extension">The instance.</param>
    /// <returns>Whether the client runs that extension.</returns>
    public bool TryGetExtension<T>([NotNullWhen(true)] out T? extension)
        where T : XmppExtension
    {
        extension = _extensions.Find<T>();
        return extension is not null;
    }

    /// <summary>Creates the extensions <see cref="XmppClientOptions.Extensions"/> lists (and those they require).</summary>
    private void CreateExtensions(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        _extensions = new ExtensionHost(this, loggerFactory, _logger);
        if (Options.AnswerPings)
        {
            _extensions.Features.AddFixed(Namespaces.Ping);
        }

        _extensions.Create(Options.Extensions);
    }

    /// <summary>
    /// Tells the extensions, on the event task, that a new session replaces the previous one (not resumed): called before
    /// the new session's read loop starts, so it runs after everything the old session received and before the new one's.
    /// </summary>
    /// <returns>Completes when the callbacks ran (or the event task ended).</returns>
    private Task<Task> PostNewSession(XmppSessionStartedEventArgs session)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _events.Post("new session", () =>
        {
            try
            {
                _extensions.RunNewSession(session);
            }
            finally
            {
                ran.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        return Task.WhenAny(ran.Task, _events.Completion);
    }

    /// <summary>
    /// Starts the extensions on a session: for a new one, once their new-session callbacks ran (unless the caller is
    /// itself an event handler, which the event task cannot run ahead of).
    /// </summary>
    private async Task StartExtensionsAsync(XmppSessionStartedEventArgs session, Task newSession, CancellationToken cancellationToken)
    {
        if (!_events.InCallback)
        {
            await newSession.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _extensions.StartSessionAsync(session, cancellationToken).ConfigureAwait(false);
    }
}
