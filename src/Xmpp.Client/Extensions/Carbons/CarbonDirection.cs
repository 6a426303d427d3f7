namespace Xmpp.Client.Extensions.Carbons;

/// <summary>Which way the message a carbon copies went (XEP-0280).</summary>
public enum CarbonDirection
{
    /// <summary>Another resource of the account received it (<c>&lt;received/&gt;</c>).</summary>
    Received,

    /// <summary>Another resource of the account sent it (<c>&lt;sent/&gt;</c>).</summary>
    Sent,
}
