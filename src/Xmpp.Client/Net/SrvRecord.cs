namespace Xmpp.Client.Net;

/// <summary>One DNS SRV record (RFC 2782).</summary>
/// <param name="Priority">Lower is tried first.</param>
/// <param name="Weight">Relative share among records of the same priority; 0 means "rarely, when others exist".</param>
/// <param name="Port">The service's TCP port.</param>
/// <param name="Target">The host name, without a trailing dot; <c>.</c> (the root) means "no service here".</param>
internal readonly record struct SrvRecord(ushort Priority, ushort Weight, ushort Port, string Target)
{
    /// <summary>Whether the target is the root, <c>.</c>: alone, such a record says the service is not available.</summary>
    public bool IsRootTarget => Target is "." or "";
}
