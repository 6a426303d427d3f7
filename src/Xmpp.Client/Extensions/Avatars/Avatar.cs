namespace Xmpp.Client.Extensions.Avatars;

/// <summary>An account's avatar image, as <see cref="AvatarExtension.GetAsync"/> found it.</summary>
public sealed class Avatar
{
    internal Avatar(Jid owner, string id, string mediaType, ReadOnlyMemory<byte> data, AvatarSource source, int? width, int? height)
    {
        Owner = owner;
        Id = id;
        MediaType = mediaType;
        Data = data;
        Source = source;
        Width = width;
        Height = height;
    }

    /// <summary>The account (bare JID).</summary>
    public Jid Owner { get; }

    /// <summary>The SHA-1 of <see cref="Data"/>, lower-case hex (checked against the bytes).</summary>
    public string Id { get; }

    /// <summary>The media type, such as <c>image/png</c>.</summary>
    public string MediaType { get; }

    /// <summary>The image.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Where it was found.</summary>
    public AvatarSource Source { get; }

    /// <summary>The width in pixels, when the metadata gave it.</summary>
    public int? Width { get; }

    /// <summary>The height in pixels, when the metadata gave it.</summary>
    public int? Height { get; }
}
