namespace Xmpp.Client.Xml;

/// <summary>
/// What a parser learns to read a busy stream fast — split and interned names, the string table, node and value
/// buffers, the fast path's guesses — given back while the stream is idle, so a connection that hears nothing holds
/// little more than its place in the stream. It is all learned again from the next stanzas.
/// </summary>
internal sealed partial class XmlStreamParser
{
    /// <summary>
    /// Whether the parser stands between two top-level elements with nothing of either kept: the only moment its
    /// learned state can go (a partly read element refers to it).
    /// </summary>
    public bool CanReleaseLearnedState =>
        _inStream && _depth == 0 && _state == State.StreamContent && !_bounded && _tokenStart < 0 && _nodeCount == 0
        && _values.Length == 0 && _scratch.Length == 0 && _bracketRun == 0;

    /// <summary>
    /// Gives back the learned state (<see cref="CanReleaseLearnedState"/> must hold). Stanzas parsed before keep what
    /// they refer to. Not thread-safe: the caller makes sure no parse runs meanwhile.
    /// </summary>
    public void ReleaseLearnedState()
    {
        _qnames = null;
        _lastTag = null;
        _tagName = null;
        Array.Clear(_attrNames);
        _names.Release();
        _strings.Release();
        _buffers.Release();
        _nodes = [];
        _values.Release();
        _scratch.Release();
    }
}
