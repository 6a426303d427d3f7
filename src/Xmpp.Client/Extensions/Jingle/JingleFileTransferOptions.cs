using Xmpp.Client.Extensions.Hashes;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>The limits and timeouts of Jingle file transfer.</summary>
public sealed record JingleFileTransferOptions
{
    /// <summary>The largest file accepted: larger offers are declined before the application sees them. 512 MiB by default.</summary>
    public long MaxFileSize { get; init; } = 512L * 1024 * 1024;

    /// <summary>How many transfers (offered, pending or running, both ways) may exist at once; more offers are refused with <c>resource-constraint</c>. 8 by default.</summary>
    public int MaxSessions { get; init; } = 8;

    /// <summary>How long an offer waits to be accepted or declined, either way (then it ends with <c>timeout</c>). Five minutes by default.</summary>
    public TimeSpan AcceptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a step of a running transfer may take: the peer opening the bytestream after the accept, the receiver
    /// confirming after the last byte, the sender's checksum when the offer had no hash. 30 seconds by default.
    /// </summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The algorithm of the hash computed while sending: <see cref="HashAlgorithms.Sha256"/> by default, or <see cref="HashAlgorithms.Sha512"/>.</summary>
    public string HashAlgorithm { get; init; } = HashAlgorithms.Sha256;

    /// <summary>Checks the values.</summary>
    internal JingleFileTransferOptions Validated()
    {
        if (MaxFileSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFileSize), "JingleFileTransferOptions.MaxFileSize must not be negative.");
        }

        if (MaxSessions is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSessions), "JingleFileTransferOptions.MaxSessions must be from 1 to 10000.");
        }

        if (AcceptTimeout <= TimeSpan.Zero || StepTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StepTimeout), "JingleFileTransferOptions timeouts must be positive.");
        }

        if (!HashAlgorithms.CanCompute(HashAlgorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(HashAlgorithm), "JingleFileTransferOptions.HashAlgorithm must be sha-256 or sha-512.");
        }

        return this;
    }
}
