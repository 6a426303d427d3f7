namespace Xmpp.Client.Extensions.DataForms;

/// <summary>One option of a list field (XEP-0004 §3.3): the value to submit and what to show for it.</summary>
/// <param name="Value">The value submitted when the option is chosen.</param>
/// <param name="Label">What to show; <see langword="null"/> when the form gives none (show the value).</param>
public sealed record DataFormOption(string Value, string? Label = null);
