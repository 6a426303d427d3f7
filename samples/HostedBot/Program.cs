// HostedBot: the EchoBot as a Generic Host service. The account comes from configuration: the "Xmpp" section of
// appsettings.json, environment variables (Xmpp__Jid, Xmpp__Password, ...) or the command line
// (--Xmpp:Jid=bot@example.com --Xmpp:Host=127.0.0.1 --Xmpp:TrustedCertificateFiles:0=ca.pem). The host connects
// with retry, prints "Online as <jid>", echoes every chat message with a body, accepts subscriptions, and on
// Ctrl+C or SIGTERM disconnects politely and exits 0. Logs go to stderr, so stdout carries only what the bot prints.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xmpp.Client.Samples.HostedBot;

// The appsettings.json next to the program comes first, so it is found wherever the bot is started from; the host's
// own sources (appsettings.json of the current directory, environment variables, the command line) override it.
var configuration = new ConfigurationManager();
configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, Configuration = configuration });
builder.Services.AddXmppClient(builder.Configuration.GetSection("Xmpp"));
builder.Services.AddXmppBot<EchoBot>();
builder.Services.AddHealthChecks().AddXmppHealthCheck();
using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (OptionsValidationException invalid)
{
    // A setting is missing or wrong: each failure names its configuration key, such as Xmpp:Jid.
    Console.Error.WriteLine($"HostedBot is not configured correctly:\n  {string.Join("\n  ", invalid.Failures)}");
    return 2;
}

// 1 when the account could not connect and retrying could not help (the host logged why), otherwise 0.
return Environment.ExitCode;
