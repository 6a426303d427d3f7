using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xmpp.Client;
using Xmpp.Client.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds XMPP accounts to a Generic Host: each an <see cref="XmppClient"/> singleton configured from
/// <see cref="XmppClientSettings"/> (checked at startup), and a hosted service that connects it with retry when the
/// host starts and disconnects it politely when the host stops.
/// </summary>
public static class XmppServiceCollectionExtensions
{
    /// <summary>
    /// Adds the default account, configured from <paramref name="section"/> (such as
    /// <c>builder.Configuration.GetSection("Xmpp")</c>), as the <see cref="XmppClient"/> service.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="section">The configuration section with the <see cref="XmppClientSettings"/>.</param>
    /// <returns>A builder to change the account's options further.</returns>
    /// <exception cref="InvalidOperationException">The default account was added already.</exception>
    public static XmppClientBuilder AddXmppClient(this IServiceCollection services, IConfiguration section) =>
        services.AddXmppClient(Options.Options.DefaultName, section);

    /// <summary>Adds the default account, configured by code, as the <see cref="XmppClient"/> service.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Fills in the account's settings.</param>
    /// <returns>A builder to change the account's options further.</returns>
    /// <exception cref="InvalidOperationException">The default account was added already.</exception>
    public static XmppClientBuilder AddXmppClient(this IServiceCollection services, Action<XmppClientSettings> configure) =>
        services.AddXmppClient(Options.Options.DefaultName, configure);

    /// <summary>
    /// Adds the account <paramref name="name"/>, configured from <paramref name="section"/>, as a keyed
    /// <see cref="XmppClient"/> service (inject it with <c>[FromKeyedServices("name")] XmppClient client</c>).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The account's name and service key; empty for the default account.</param>
    /// <param name="section">The configuration section with the <see cref="XmppClientSettings"/>.</param>
    /// <returns>A builder to change the account's options further.</returns>
    /// <exception cref="InvalidOperationException">An account of this name was added already.</exception>
    public static XmppClientBuilder AddXmppClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = Add(services, name, section is IConfigurationSection { Path: var path } ? path : "");
        services.AddOptions<XmppClientSettings>(name).Configure(settings => XmppClientSettingsBinder.Bind(section, settings));
        return builder;
    }

    /// <summary>Adds the account <paramref name="name"/>, configured by code, as a keyed <see cref="XmppClient"/> service.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The account's name and service key; empty for the default account.</param>
    /// <param name="configure">Fills in the account's settings.</param>
    /// <returns>A builder to change the account's options further.</returns>
    /// <exception cref="InvalidOperationException">An account of this name was added already.</exception>
    public static XmppClientBuilder AddXmppClient(this IServiceCollection services, string name, Action<XmppClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = Add(services, name, "");
        services.AddOptions<XmppClientSettings>(name).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a bot: a hosted service (usually an <see cref="XmppBotService"/>) that the host starts after the accounts
    /// added before it and stops before them.
    /// </summary>
    /// <typeparam name="TBot">The bot's type.</typeparam>
    /// <param name="services">The host's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddXmppBot<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TBot>(this IServiceCollection services)
        where TBot : class, IHostedService
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IHostedService, TBot>();
        return services;
    }

    private static XmppClientBuilder Add(IServiceCollection services, string name, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (services.Any(d => d.ServiceType == typeof(XmppClientName) && Equals(d.ImplementationInstance, new XmppClientName(name))))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "The default XMPP account was added already; give further accounts a name: AddXmppClient(\"name\", section)."
                : $"The XMPP account '{name}' was added already.");
        }

        JidTypeConverter.Register();
        services.AddSingleton(new XmppClientName(name));
        services.AddOptions();
        services.AddOptions<XmppClientSettings>(name).ValidateOnStart();
        services.Configure<XmppClientRegistration>(name, registration =>
        {
            registration.Added = true;
            registration.KeyPrefix = keyPrefix;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XmppClientSettings>, XmppClientSettingsValidator>());
        if (name.Length == 0)
        {
            services.AddSingleton(provider => XmppClientFactory.Create(provider, name));
            services.AddSingleton(new XmppConnectionStatus());
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => XmppClientFactory.Create(provider, name));
            services.AddKeyedSingleton(name, new XmppConnectionStatus());
        }

        services.AddSingleton<IHostedService>(provider => new XmppConnectionService(
            name,
            XmppClientFactory.Resolve(provider, name),
            XmppConnectionStatus.Of(provider, name),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<XmppConnectionService>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return new XmppClientBuilder(services, name);
    }
}
