namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// What an entity is (XEP-0030 §3.1): a category and type from the XMPP registry (such as <c>server</c>/<c>im</c> or
/// <c>client</c>/<c>bot</c>), with an optional human-readable name in an optional language.
/// </summary>
/// <param name="Category">The category, such as <c>client</c>, <c>server</c> or <c>conference</c>.</param>
/// <param name="Type">The type within the category, such as <c>pc</c>, <c>bot</c> or <c>im</c>.</param>
/// <param name="Name">A human-readable name, if given.</param>
/// <param name="Language">The language of <paramref name="Name"/> (<c>xml:lang</c>), if given.</param>
public sealed record DiscoIdentity(string Category, string Type, string? Name = null, string? Language = null);
