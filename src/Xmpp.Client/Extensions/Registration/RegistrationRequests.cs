using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>The requests and answers both registration paths (before and after login) share.</summary>
internal static class RegistrationRequests
{
    /// <summary>Reads the form an answer to a form request carries.</summary>
    public static RegistrationForm ReadForm(Iq reply, Jid service)
    {
        var query = reply.GetPayload(RegistrationXml.Query)
            ?? throw new XmppException($"{service} answered the registration form request without a jabber:iq:register query.");
        try
        {
            return RegistrationForm.FromXElement(query);
        }
        catch (FormatException error)
        {
            throw new XmppException($"{service} sent a registration form that cannot be read: {error.Message}", error);
        }
    }

    /// <summary>The set that submits a filled form.</summary>
    public static Iq Submission(RegistrationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.MissingFields is { Count: > 0 } missing)
        {
            throw new ArgumentException($"The registration form still needs: {string.Join(", ", missing)}.", nameof(form));
        }

        return new Iq(IqType.Set, form.ToXElement());
    }

    /// <summary>The data form a refusal carries (XEP-0077 §3.3), if any.</summary>
    public static DataForm? FormIn(XmppIqErrorException error)
    {
        // The refusal repeats the query; a form in it is what the server wants filled instead.
        var x = error.Reply?.GetPayload(RegistrationXml.Query)?.Element(DataForm.ElementName);
        try
        {
            return x is null ? null : DataForm.FromXElement(x);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
