// Register: creates an XMPP account in-band (XEP-0077) before logging in, then the account logs in as usual.
using Xmpp.Client;
using Xmpp.Client.Extensions.Registration;
using Xmpp.Client.Samples;

var commandLine = new SampleCommandLine("Register --jid <jid> --password <password> [options]",
    "creates the account <jid> on its server, then it logs in as usual");
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (commandLine.Options.Jid.Local is null)
{
    return commandLine.Fail("--jid must name the new account, such as newbot@example.com.");
}

using var loggerFactory = commandLine.CreateLoggerFactory();
var options = commandLine.Options with { LoggerFactory = loggerFactory };
var account = options.Jid.Bare;
try
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(Console.IsInputRedirected ? 1 : 10));
    await using var connection = await XmppPreLoginConnection.OpenAsync(options, timeout.Token);
    var form = await AccountRegistration.GetFormAsync(connection, timeout.Token);
    form.SetCredentials(account.Local!, options.Password!);
    if (form.MissingFields.Count > 0 && !FillInteractively(form))
    {
        Console.Error.WriteLine($"The server asks for more than a name and a password ({string.Join(", ", form.MissingFields)}); run Register in a terminal to fill them in.");
        return 1;
    }

    await AccountRegistration.RegisterAsync(connection, form, timeout.Token);
    Console.WriteLine($"Registered {account}");
    return 0;
}
catch (RegistrationException refused) when (refused.Reason == RegistrationError.AccountExists)
{
    Console.Error.WriteLine($"The account {account} exists already: log in with it, or choose another name.");
    return 1;
}
catch (Exception failure) when (failure is XmppException or TimeoutException or OperationCanceledException)
{
    Console.Error.WriteLine($"Register failed: {failure.Message}");
    return 1;
}

// Asks a person for what the form still needs; CAPTCHA images are saved to files to look at.
static bool FillInteractively(RegistrationForm form)
{
    if (Console.IsInputRedirected)
    {
        return false;
    }

    if (form.Instructions is { } instructions)
    {
        Console.Error.WriteLine(instructions);
    }

    foreach (var captcha in form.Captchas)
    {
        foreach (var media in captcha.Media)
        {
            if (media.Data is { } data)
            {
                var file = Path.Combine(Path.GetTempPath(), $"captcha-{Guid.NewGuid():N}{(media.MediaType == "image/png" ? ".png" : "")}");
                File.WriteAllBytes(file, data.ToArray());
                Console.Error.WriteLine($"CAPTCHA ({captcha.Kind}): open {file}");
            }
            else
            {
                Console.Error.WriteLine($"CAPTCHA ({captcha.Kind}): open {media.Uri}");
            }
        }
    }

    foreach (var field in form.MissingFields)
    {
        var label = form.Form?.GetField(field)?.Label ?? field;
        Console.Error.Write($"{label}: ");
        var value = Console.ReadLine();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        form.Set(field, value);
    }

    return true;
}
