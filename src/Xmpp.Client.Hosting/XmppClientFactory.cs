using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Xmpp.Client.Hosting;

/// <summary>Creates the <see cref="XmppClient"/> of an account from its settings, with the host's logging and metrics.</summary>
internal static class XmppClientFactory
{
    /// <summary>The client of the account <paramref name="name"/> (the default account for an empty name).</summary>
    public static XmppClient Resolve(IServiceProvider services, string name) =>
        name.Length == 0 ? services.GetRequiredService<XmppClient>() : services.GetRequiredKeyedService<XmppClient>(name);

    /// <summary>Builds the options of the account and a client with them.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; each failure names its configuration key.</exception>
    public static XmppClient Create(IServiceProvider services, string name)
    {
        var options = CreateOptions(services, name, out var keyPrefix);
        try
        {
            return new XmppClient(options);
        }
        catch (ArgumentException error)
        {
            var key = XmppClientSettingsMapper.Key(keyPrefix, error.ParamName ?? "?");
            throw new OptionsValidationException(name, typeof(XmppClientSettings), [$"{key}: {error.Message}"]);
        }
    }

    /// <summary>The options of the account: its settings mapped, the host's logger and meter factories, then the
    /// account's <c>XmppClientBuilder.ConfigureOptions</c> changes.</summary>
    public static XmppClientOptions CreateOptions(IServiceProvider services, string name, out string keyPrefix)
    {
        // Reading the settings runs the validator: invalid ones throw OptionsValidationException here.
        var settings = services.GetRequiredService<IOptionsMonitor<XmppClientSettings>>().Get(name);
        var registration = services.GetRequiredService<IOptionsMonitor<XmppClientRegistration>>().Get(name);
        keyPrefix = registration.KeyPrefix;
        var baseDirectory = XmppClientSettingsValidator.BaseDirectoryOf(services.GetService<IHostEnvironment>());
        var errors = new List<string>();
        var options = XmppClientSettingsMapper.Map(settings, keyPrefix, baseDirectory, errors)
            ?? throw new OptionsValidationException(name, typeof(XmppClientSettings), errors);
        options = options with
        {
            LoggerFactory = services.GetService<ILoggerFactory>(),
            MeterFactory = services.GetService<IMeterFactory>(),
        };
        foreach (var customize in registration.Customizations)
        {
            options = customize(options, services);
        }

        return options;
    }
}
