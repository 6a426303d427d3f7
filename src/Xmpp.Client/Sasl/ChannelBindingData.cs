namespace Xmpp.Client.Sasl;

/// <summary>
/// One channel binding (RFC 5056) the TLS layer can supply: its type name, as used in the SCRAM gs2 header and in
/// XEP-0440, and its data.
/// </summary>
internal sealed class ChannelBindingData
{
    /// <summary>RFC 9266: TLS keying-material exporter. .NET has no public API for it, so it is never produced here.</summary>
    public const string TlsExporter = "tls-exporter";

    /// <summary>RFC 5929 §3: the first Finished message of the TLS handshake; TLS 1.2 and earlier only.</summary>
    public const string TlsUnique = "tls-unique";

    /// <summary>RFC 5929 §4: a hash of the server's certificate.</summary>
    public const string TlsServerEndPoint = "tls-server-end-point";

    /// <summary>Creates a binding.</summary>
    /// <param name="type">The binding type name, such as <see cref="TlsServerEndPoint"/>.</param>
    /// <param name="data">The binding data.</param>
    public ChannelBindingData(string type, byte[] data)
    {
        Type = type;
        Data = data;
    }

    /// <summary>The binding type name.</summary>
    public string Type { get; }

    /// <summary>The binding data, sent (with the gs2 header) inside the SCRAM client-final message.</summary>
    public byte[] Data { get; }

    /// <summary>
    /// How much this binding is preferred when several are possible: it ties the login more tightly to this very
    /// TLS connection (exporter and unique) than to the server's certificate (server-end-point). Lower is better.
    /// </summary>
    public int Rank => Type switch
    {
        TlsExporter => 0,
        TlsUnique => 1,
        TlsServerEndPoint => 2,
        _ => 3,
    };

    /// <inheritdoc />
    public override string ToString() => Type;
}
