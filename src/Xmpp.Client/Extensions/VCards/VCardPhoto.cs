namespace Xmpp.Client.Extensions.VCards;

/// <summary>
/// The PHOTO of a vCard (XEP-0054): the image itself (<c>BINVAL</c>, with its media type) or a link to it (<c>EXTVAL</c>).
/// </summary>
public sealed class VCardPhoto
{
    /// <summary>A photo carried in the vCard.</summary>
    /// <param name="mediaType">The image's media type (<c>TYPE</c>), such as <c>image/png</c>.</param>
    /// <param name="data">The image's bytes (sent as <c>BINVAL</c>, base64).</param>
    public VCardPhoto(string mediaType, ReadOnlyMemory<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        MediaType = mediaType;
        Data = data;
    }

    /// <summary>A photo the vCard only points to.</summary>
    /// <param name="externalUrl">Where the image is (<c>EXTVAL</c>).</param>
    public VCardPhoto(Uri externalUrl)
    {
        ArgumentNullException.ThrowIfNull(externalUrl);
        ExternalUrl = externalUrl;
    }

    /// <summary>The media type (<c>TYPE</c>); <see langword="null"/> for an external photo without one.</summary>
    public string? MediaType { get; }

    /// <summary>The image's bytes; empty for an external photo.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Where the image is (<c>EXTVAL</c>), for a photo not carried in the vCard.</summary>
    public Uri? ExternalUrl { get; }

    /// <summary>The SHA-1 of <see cref="Data"/> in lower-case hex, as XEP-0153 advertises it; <see langword="null"/> for an external photo.</summary>
    public string? Hash => ExternalUrl is null ? Avatars.AvatarHash.Of(Data.Span) : null;
}
