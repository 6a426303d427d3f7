namespace Xmpp.Client.Extensions.Avatars;

/// <summary>One <c>info</c> of a User Avatar metadata item (XEP-0084 §4.2): what an image is, without its bytes.</summary>
/// <param name="Id">The SHA-1 of the image, lower-case hex (also the item id in the data node).</param>
/// <param name="MediaType">The media type, such as <c>image/png</c>.</param>
/// <param name="Bytes">The image's size in bytes.</param>
/// <param name="Width">The width in pixels, when given.</param>
/// <param name="Height">The height in pixels, when given.</param>
/// <param name="Url">Where the image is, for one not kept in the data node.</param>
public sealed record AvatarInfo(string Id, string MediaType, long Bytes, int? Width = null, int? Height = null, Uri? Url = null);
