namespace Xmpp.Client;

public readonly partial struct Jid : IEquatable<Jid>
{
    /// <summary>
    /// True when both JIDs have the same canonical form, so <c>Juliet@Example.com</c> equals
    /// <c>juliet@example.com</c>; resourceparts are compared case-sensitively, as RFC 7622 requires.
    /// </summary>
    /// <param name="other">The JID to compare with.</param>
    /// <returns>True when the canonical texts are equal (ordinal comparison, no allocation).</returns>
    public bool Equals(Jid other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <summary>True when <paramref name="obj"/> is a <see cref="Jid"/> equal to this one.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True for an equal <see cref="Jid"/>; false for anything else, including a string.</returns>
    public override bool Equals(object? obj) => obj is Jid other && Equals(other);

    /// <summary>A hash of the canonical form, consistent with <see cref="Equals(Jid)"/>.</summary>
    /// <returns>The hash code; 0 for <c>default(Jid)</c>.</returns>
    public override int GetHashCode() => _value is null ? 0 : _value.GetHashCode(StringComparison.Ordinal);

    /// <summary>True when both JIDs have the same canonical form.</summary>
    /// <param name="left">The first JID.</param>
    /// <param name="right">The second JID.</param>
    /// <returns>The result of <see cref="Equals(Jid)"/>.</returns>
    public static bool operator ==(Jid left, Jid right) => left.Equals(right);

    /// <summary>True when the JIDs have different canonical forms.</summary>
    /// <param name="left">The first JID.</param>
    /// <param name="right">The second JID.</param>
    /// <returns>The negation of <see cref="Equals(Jid)"/>.</returns>
    public static bool operator !=(Jid left, Jid right) => !left.Equals(right);
}
