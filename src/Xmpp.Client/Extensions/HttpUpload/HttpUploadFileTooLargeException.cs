using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// The file is larger than the upload service accepts: either the limit the service announces in disco (checked before
/// any request, <see cref="Error"/> is <see langword="null"/>) or the service's refusal of the slot with
/// <c>&lt;file-too-large/&gt;</c> (XEP-0363 §5, <see cref="Error"/> holds the error). Send a smaller file.
/// </summary>
public sealed class HttpUploadFileTooLargeException : HttpUploadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="size">The size of the file, in bytes.</param>
    /// <param name="maxFileSize">The service's limit in bytes, when it said.</param>
    /// <param name="error">The service's refusal, or <see langword="null"/> when the client checked the announced limit.</param>
    public HttpUploadFileTooLargeException(long size, long? maxFileSize, StanzaError? error = null)
        : base(Describe(size, maxFileSize, error))
    {
        Size = size;
        MaxFileSize = maxFileSize;
        Error = error;
    }

    /// <summary>The size of the file, in bytes.</summary>
    public long Size { get; }

    /// <summary>The most bytes the service accepts, or <see langword="null"/> when its refusal did not say.</summary>
    public long? MaxFileSize { get; }

    /// <summary>The service's refusal of the slot, or <see langword="null"/> when the client refused before asking.</summary>
    public StanzaError? Error { get; }

    private static string Describe(long size, long? max, StanzaError? error)
    {
        var limit = max is { } m ? $"at most {m} bytes" : "less";
        var who = error is null ? "announces that it accepts" : $"refused the slot ({error}): it accepts";
        return $"The file of {size} bytes is too large: the upload service {who} {limit}. Send a smaller file.";
    }
}
