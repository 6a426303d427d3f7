namespace Xmpp.Client.Hosting;

/// <summary>Marks an account name as added, so that adding it twice fails at once.</summary>
/// <param name="Name">The account's name; empty for the default account.</param>
internal sealed record XmppClientName(string Name);
