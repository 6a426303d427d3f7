using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Internal;
using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

/// <summary>
/// A connection to the account's server that is encrypted like <see cref="XmppClient"/>'s (the same DNS, TLS and
/// certificate rules) but never authenticates: it exchanges IQ requests with the server before login, which is what
/// creating an account in-band needs (XEP-0077, see <c>Xmpp.Client.Extensions.Registration.AccountRegistration</c>).
/// One request at a time; no events, no reconnection. Dispose it to close the stream.
/// </summary>
public sealed class XmppPreLoginConnection : IAsyncDisposable
{
    private readonly XmppStream _stream;
    private readonly XmppClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneRequest = new(1, 1);
    private readonly XmppElement _features;
    private XElement? _featuresCopy;
    private int _disposed;
    private bool _broken;

    private XmppPreLoginConnection(XmppStream stream, XmppElement features, XmppClientOptions options, ILogger logger)
    {
        _stream = stream;
        _features = features;
        _options = options;
        _logger = logger;
    }

    /// <summary>The server's domain (the domain of <see cref="XmppClientOptions.Jid"/>).</summary>
    public Jid Server => new(null, _options.Jid.Domain);

    /// <summary>Whether the connection is encrypted (always, unless <see cref="XmppClientOptions.TlsMode"/> is Disabled).</summary>
    public bool IsEncrypted => _stream.Transport.IsEncrypted;

    /// <summary>
    /// The stream features the server offered on the encrypted stream, such as
    /// <c>&lt;register xmlns='http://jabber.org/features/iq-register'/&gt;</c> when it allows in-band registration (a copy).
    /// </summary>
    public XElement StreamFeatures => _featuresCopy ??= _features.ToXElement();

    /// <summary>
    /// Connects to the server of <see cref="XmppClientOptions.Jid"/> (its domain; the local part and
    /// <see cref="XmppClientOptions.Password"/> are not used here) and encrypts the stream, within
    /// <see cref="XmppClientOptions.NegotiationTimeout"/>.
    /// </summary>
    /// <param name="options">The connection settings, as for <see cref="XmppClient"/>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The open connection; dispose it.</returns>
    /// <exception cref="ArgumentException">A setting is invalid (as for the <see cref="XmppClient"/> constructor).</exception>
    /// <exception cref="XmppConnectException">No endpoint could be reached.</exception>
    /// <exception cref="XmppTlsException">TLS failed or the certificate was rejected.</exception>
    /// <exception cref="XmppStreamErrorException">The server ended the stream with an error.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection.</exception>
    /// <exception cref="XmppTimeoutException">The server did not finish opening the stream in time.</exception>
    public static Task<XmppPreLoginConnection> OpenAsync(XmppClientOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(options, connector: null, cancellationToken);

    /// <summary>Opens a connection through <paramref name="connector"/> (a test seam), or as the options say when it is null.</summary>
    internal static async Task<XmppPreLoginConnection> OpenAsync(XmppClientOptions options, ITransportConnector? connector,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidator.Validate(options);
        var factory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = factory.CreateLogger("Xmpp.Client");
        connector ??= FactoryConnector.Create(options, factory);
        var domain = options.Jid.Domain;
        var transport = await connector.ConnectAsync(domain, redirect: null, cancellationToken).ConfigureAwait(false);
        var stream = new XmppStream(transport, new XmlStreamReaderOptions { MaxElementBytes = options.MaxStanzaBytes }, logger);
        using var negotiation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        negotiation.CancelAfter(options.NegotiationTimeout);
        try
        {
            var features = await new StreamNegotiator(options, logger)
                .SecureAsync(stream, new TlsClientSettings(domain, options), announceAccount: false, negotiation.Token)
                .ConfigureAwait(false);
            PreLoginLog.Opened(logger, domain, transport.IsEncrypted ? "encrypted" : "NOT encrypted");
            return new XmppPreLoginConnection(stream, features, options, logger);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new XmppTimeoutException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The server of '{domain}' ({transport.Remote}) did not open an encrypted stream within {options.NegotiationTimeout.TotalSeconds:0.#} s (stalled at: {stream.Stage})."),
                error);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends an IQ request to the server (or to <see cref="Stanza.To"/>, which before login can only be the server)
    /// and waits for its answer, at most <see cref="XmppClientOptions.IqTimeout"/>. Answers from anyone but the
    /// server are ignored. Requests are sent one at a time: a second call waits for the first answer.
    /// </summary>
    /// <param name="request">A get or set (a copy is sent).</param>
    /// <param name="cancellationToken">Stops waiting. The connection cannot be used after a cancelled or timed-out
    /// request (the answer may still arrive); open a new one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The request is not a get or set.</exception>
    /// <exception cref="XmppIqErrorException">The answer was an error; it carries the <see cref="StanzaError"/>.</exception>
    /// <exception cref="XmppTimeoutException">No answer arrived in time.</exception>
    /// <exception cref="XmppStreamErrorException">The server ended the stream with an error.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    /// <exception cref="InvalidOperationException">An earlier request was cancelled, timed out or lost its connection.</exception>
    public async Task<Iq> SendIqAsync(Iq request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("SendIqAsync sends requests (get or set).", nameof(request));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var sent = (Iq)StanzaCopy.Of(request);
        await _oneRequest.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_broken)
            {
                throw new InvalidOperationException("An earlier request on this pre-login connection was cancelled or failed; open a new one.");
            }

            _broken = true; // until the answer has been read completely
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.IqTimeout);
            try
            {
                await _stream.WriteAsync(sent.Element, timeout.Token).ConfigureAwait(false);
                var reply = await ReadAnswerAsync(sent, timeout.Token).ConfigureAwait(false);
                _broken = false;
                return reply.Type == IqType.Error
                    ? throw new XmppIqErrorException(sent, reply.Error ?? new StanzaError(StanzaErrorCondition.UndefinedCondition)) { Reply = reply }
                    : reply;
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new XmppTimeoutException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"No answer to the IQ request '{sent.Id}' ({sent.PayloadName}) from {Server} within {_options.IqTimeout.TotalSeconds:0.#} s."),
                    error);
            }
        }
        finally
        {
            _oneRequest.Release();
        }
    }

    private async Task<Iq> ReadAnswerAsync(Iq sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var element = await _stream.ReadElementAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new XmppConnectionLostException($"The server of '{Server}' closed the stream before answering '{sent.Id}'.");
            if (element.Name == "iq" && element.Namespace == Namespaces.Client && element.GetAttribute("id") == sent.Id
                && StanzaFactory.FromElement(element) is Iq { IsRequest: false } answer && IsFromServer(answer))
            {
                return answer;
            }

            PreLoginLog.Ignored(_logger, element.Name, sent.Id ?? string.Empty);
        }
    }

    private bool IsFromServer(Iq answer) =>
        answer.From is not { } from || (from.Local is null && from.Resource is null && from.Domain == _options.Jid.Domain);

    /// <summary>Sends <c>&lt;/stream:stream&gt;</c> (briefly, ignoring a broken connection) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _stream.CloseAsync(close.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppConnectionLostException or OperationCanceledException)
        {
            // Closing anyway.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _oneRequest.Dispose();
        PreLoginLog.Closed(_logger, _options.Jid.Domain);
    }
}
