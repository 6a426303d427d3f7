namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>How <see cref="HttpUploadExtension"/> puts files: the HTTP client, which URLs it accepts, how long a PUT may take.</summary>
public sealed record HttpUploadOptions
{
    /// <summary>The default options: a shared client, https only (and http on loopback), a PUT of at most 10 minutes.</summary>
    public static HttpUploadOptions Default { get; } = new();

    /// <summary>
    /// The client that sends the PUT requests (proxy, certificates, handlers of your own), or <see langword="null"/> for
    /// one shared by every extension without one (no redirects followed, connections renewed every 2 minutes). The
    /// extension never disposes it; its own <see cref="HttpClient.Timeout"/> applies besides <see cref="PutTimeout"/>.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// Whether the service's PUT and GET URLs may be plain <c>http</c> on any host. <see langword="false"/> by default:
    /// XEP-0363 requires TLS, so only <c>https</c> is accepted, and <c>http</c> only on a loopback host (<c>localhost</c>,
    /// <c>127.0.0.0/8</c>, <c>::1</c>, which never leaves the machine). Set it for a test server on a private network;
    /// over plain http anyone on the way can read the file and the slot's credentials.
    /// </summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>
    /// The longest a PUT may take, from sending the request to the server's status, before it fails with an
    /// <see cref="XmppTimeoutException"/>; <see cref="Timeout.InfiniteTimeSpan"/> for no limit. 10 minutes by default.
    /// </summary>
    public TimeSpan PutTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws when a setting is out of range.</summary>
    internal HttpUploadOptions Validated()
    {
        if (PutTimeout <= TimeSpan.Zero && PutTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(PutTimeout), PutTimeout, "PutTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        return this;
    }
}
