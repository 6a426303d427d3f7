namespace Xmpp.Client.Extensions.Gateways;

/// <summary>What a gateway asks for to translate a legacy address (jabber:iq:gateway, XEP-0100 §6.3.1).</summary>
/// <param name="Description">The gateway's explanation to show the user (<c>desc</c>), such as "Please enter the AOL
/// Screen Name of the person you would like to contact."; <see langword="null"/> when it gave none.</param>
/// <param name="Prompt">The label of the field to fill (<c>prompt</c>), such as "Contact ID".</param>
public sealed record GatewayPrompt(string? Description, string Prompt);
