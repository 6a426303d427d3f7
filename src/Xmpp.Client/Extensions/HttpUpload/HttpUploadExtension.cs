using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// HTTP File Upload (XEP-0363): finds the account's upload service, asks it for a slot, PUTs the file over HTTP and
/// shares the GET URL, in a message with out of band data (XEP-0066) when sending a file to someone.
/// </summary>
/// <remarks>
/// <para>The service is found by service discovery once per session (the server's domain, then its disco items: the
/// first with identity <c>store</c>/<c>file</c> and feature <c>urn:xmpp:http:upload:0</c>) and its announced
/// <c>max-file-size</c> is honoured before any request (<see cref="HttpUploadFileTooLargeException"/>).</para>
/// <para>A slot is checked before use: its URLs must be https (plain http only on a loopback host, or with
/// <see cref="HttpUploadOptions.AllowInsecureHttp"/>), and of its PUT headers only <c>Authorization</c>, <c>Cookie</c>
/// and <c>Expires</c> are sent, with line breaks removed (XEP-0363 §4, §8); any other is left out and logged.</para>
/// <para>Uploaded files are stored in clear on the service and readable by anyone who has the GET URL. Thread-safe:
/// several uploads may run at once.</para>
/// <example>
/// <code>
/// var upload = client.GetExtension&lt;HttpUploadExtension&gt;();
/// var url = await upload.SendFileAsync(Jid.Parse("juliet@example.com"), "photo.jpg", "image/jpeg",
///     new Progress&lt;long&gt;(sent =&gt; Console.Error.WriteLine($"{sent} bytes")));
/// </code>
/// </example>
/// </remarks>
public sealed partial class HttpUploadExtension : XmppExtension
{
    /// <summary>The namespace of XEP-0363, <c>urn:xmpp:http:upload:0</c>.</summary>
    public const string Namespace = HttpUploadXml.Namespace;

    /// <summary>The content type sent when the caller gives none.</summary>
    public const string DefaultContentType = "application/octet-stream";

    private readonly object _gate = new();
    private DiscoExtension _disco = null!;
    private Task<HttpUploadService?>? _service;

    /// <summary>An extension with the <see cref="HttpUploadOptions.Default"/> options.</summary>
    public HttpUploadExtension()
        : this(HttpUploadOptions.Default)
    {
    }

    /// <summary>An extension with these options; register it with <c>options.Extensions.Add(() =&gt; new HttpUploadExtension(uploadOptions))</c>.</summary>
    /// <param name="options">How files are put.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public HttpUploadExtension(HttpUploadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
    }

    /// <summary>How files are put.</summary>
    public HttpUploadOptions Options { get; }

    /// <summary>
    /// The account's upload service, found by service discovery on the first call of a session and remembered until a
    /// new session (a failed search is not remembered).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the search goes on for other callers).</param>
    /// <returns>The service, or <see langword="null"/> when the server offers none.</returns>
    /// <exception cref="XmppIqErrorException">The server refused to list its services.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task<HttpUploadService?> FindServiceAsync(CancellationToken cancellationToken = default)
    {
        Task<HttpUploadService?> finding;
        lock (_gate)
        {
            if (_service is null || _service.IsFaulted || _service.IsCanceled)
            {
                _service = DiscoverAsync();
            }

            finding = _service;
        }

        return finding.WaitAsync(cancellationToken);
    }

    /// <summary>Like <see cref="FindServiceAsync"/>, but a server without an upload service is an error.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The service.</returns>
    /// <exception cref="HttpUploadServiceNotFoundException">The server offers no upload service.</exception>
    /// <exception cref="XmppIqErrorException">The server refused to list its services.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<HttpUploadService> GetServiceAsync(CancellationToken cancellationToken = default) =>
        await FindServiceAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new HttpUploadServiceNotFoundException(Domain.ToString());

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        context.OnNewSession(_ => Forget());
    }

    private Jid Domain => new(null, (Client.BoundJid ?? Client.Options.Jid).Domain);

    /// <summary>A new session: the server may have been reconfigured.</summary>
    private void Forget()
    {
        lock (_gate)
        {
            _service = null;
        }
    }
}
