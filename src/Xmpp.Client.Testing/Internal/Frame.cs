namespace Xmpp.Client.Testing.Internal;

/// <summary>What the framer cut from the client's byte stream.</summary>
internal enum FrameKind
{
    /// <summary>A <c>&lt;stream:stream&gt;</c> start tag (the first one, or a restart after SASL).</summary>
    StreamHeader,

    /// <summary>A complete top-level element.</summary>
    Element,

    /// <summary><c>&lt;/stream:stream&gt;</c>.</summary>
    StreamEnd,
}

/// <summary>One piece of the client's stream and its text.</summary>
internal readonly record struct Frame(FrameKind Kind, string Text);
