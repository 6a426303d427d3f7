using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>
/// Creates accounts in-band, before login (XEP-0077 §3.1), over an <see cref="XmppPreLoginConnection"/>: ask the
/// server for its form, fill it, submit it; then log in with <see cref="XmppClient"/> as usual.
/// </summary>
/// <example>
/// <code>
/// var options = new XmppClientOptions { Jid = Jid.Parse("newbot@example.com"), Password = "a long secret" };
/// await AccountRegistration.RegisterAsync(options);           // name and password only
///
/// await using var connection = await XmppPreLoginConnection.OpenAsync(options);
/// var form = await AccountRegistration.GetFormAsync(connection); // or show the form to a person
/// form.SetCredentials("newbot", "a long secret").Set("email", "ops@example.com");
/// await AccountRegistration.RegisterAsync(connection, form);
/// </code>
/// </example>
public static class AccountRegistration
{
    /// <summary>Whether the server says in its stream features that it allows in-band registration
    /// (<c>http://jabber.org/features/iq-register</c>). Some servers allow it without saying so: asking for the form tells for sure.</summary>
    /// <param name="connection">An open pre-login connection.</param>
    /// <returns>Whether the feature was offered.</returns>
    public static bool IsOffered(XmppPreLoginConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.StreamFeatures.Element(RegistrationXml.StreamFeature) is not null;
    }

    /// <summary>Asks the server what registering takes (XEP-0077 §3.1).</summary>
    /// <param name="connection">An open pre-login connection.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The form to fill.</returns>
    /// <exception cref="RegistrationException">The server refused (<see cref="RegistrationError.NotAllowed"/> when it has no in-band registration).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="XmppException">The answer was not a registration form.</exception>
    public static async Task<RegistrationForm> GetFormAsync(XmppPreLoginConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var request = new Iq(IqType.Get, new System.Xml.Linq.XElement(RegistrationXml.Query));
        try
        {
            var reply = await connection.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
            return RegistrationRequests.ReadForm(reply, connection.Server);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(connection.Server, "the registration form", error.Error, null, error);
        }
    }

    /// <summary>Submits a filled form: creates the account (XEP-0077 §3.1).</summary>
    /// <param name="connection">The pre-login connection the form was asked on.</param>
    /// <param name="form">The form from <see cref="GetFormAsync"/>, filled.</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the account may still be created).</param>
    /// <exception cref="ArgumentException">The form still misses fields (<see cref="RegistrationForm.MissingFields"/>).</exception>
    /// <exception cref="RegistrationException">The server refused: <see cref="RegistrationError.AccountExists"/> when
    /// the name is taken, <see cref="RegistrationError.NotAcceptable"/> with the server's text, …</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    public static async Task RegisterAsync(XmppPreLoginConnection connection, RegistrationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var request = RegistrationRequests.Submission(form);
        try
        {
            await connection.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            throw new RegistrationException(connection.Server, $"registering '{form.GetValue("username")}'", error.Error,
                RegistrationRequests.FormIn(error), error);
        }
    }

    /// <summary>
    /// Creates the account of <see cref="XmppClientOptions.Jid"/> with <see cref="XmppClientOptions.Password"/> on its
    /// server: opens a pre-login connection, fills the name and password into the server's form, submits it and closes.
    /// </summary>
    /// <param name="options">The new account and how to reach its server, as for <see cref="XmppClient"/>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="ArgumentException">The JID has no local part, or there is no password.</exception>
    /// <exception cref="RegistrationException">The server refused (<see cref="RegistrationError.AccountExists"/>,
    /// <see cref="RegistrationError.NotAllowed"/>, <see cref="RegistrationError.NotAcceptable"/> …).</exception>
    /// <exception cref="XmppException">The server asks for more than a name and a password (such as an email address or
    /// a CAPTCHA): use <see cref="GetFormAsync"/> and fill the form; or the connection failed (see <see cref="XmppPreLoginConnection.OpenAsync(XmppClientOptions, CancellationToken)"/>).</exception>
    public static Task RegisterAsync(XmppClientOptions options, CancellationToken cancellationToken = default) =>
        RegisterAsync(options, XmppPreLoginConnection.OpenAsync, cancellationToken);

    /// <summary>Registers the account of <paramref name="options"/> over a connection <paramref name="open"/> makes (a test seam).</summary>
    internal static async Task RegisterAsync(XmppClientOptions options,
        Func<XmppClientOptions, CancellationToken, Task<XmppPreLoginConnection>> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Jid.Local is not { } username)
        {
            throw new ArgumentException("The JID of the account to register needs a local part, such as 'bot@example.com'.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            throw new ArgumentException("The account to register needs a password (XmppClientOptions.Password).", nameof(options));
        }

        var connection = await open(options, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var form = await GetFormAsync(connection, cancellationToken).ConfigureAwait(false);
            if (!form.Fields.Contains("username") && form.Form?.GetField("username") is null)
            {
                throw new XmppException(form.WebPage is { } page
                    ? $"{connection.Server} does not register accounts in-band; it asks to register at {page}."
                    : $"{connection.Server}'s registration form asks for no user name; fill it with GetFormAsync.");
            }

            form.SetCredentials(username, options.Password);
            if (form.HasCaptcha || form.MissingFields.Count > 0)
            {
                throw new XmppException(
                    $"{connection.Server} asks for more than a name and a password to register ({string.Join(", ", form.MissingFields)}"
                    + (form.HasCaptcha ? ", a CAPTCHA" : string.Empty)
                    + "): ask with AccountRegistration.GetFormAsync, fill the form and submit it with RegisterAsync(connection, form).");
            }

            await RegisterAsync(connection, form, cancellationToken).ConfigureAwait(false);
        }
    }
}
