using Microsoft.Extensions.DependencyInjection;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Returned by <c>AddXmppClient</c>: changes the options of that account beyond what configuration can say
/// (extensions, a certificate callback, anything of <see cref="XmppClientOptions"/>).
/// </summary>
public sealed class XmppClientBuilder
{
    internal XmppClientBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The services the account was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The account's name: the key of its keyed <see cref="XmppClient"/>; empty for the default account
    /// (registered as a plain <see cref="XmppClient"/> service).</summary>
    public string Name { get; }

    /// <summary>
    /// Changes the account's options after they were built from its settings (and given the host's
    /// <see cref="XmppClientOptions.LoggerFactory"/> and <see cref="XmppClientOptions.MeterFactory"/>), for example
    /// <c>options => options with { Extensions = XmppExtensionSet.Default.Add&lt;MyExtension&gt;() }</c>.
    /// Several calls apply in order.
    /// </summary>
    /// <param name="configure">Returns the changed options (with a <c>with</c> expression).</param>
    /// <returns>This builder.</returns>
    public XmppClientBuilder ConfigureOptions(Func<XmppClientOptions, IServiceProvider, XmppClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<XmppClientRegistration>(Name, registration => registration.Customizations.Add(configure));
        return this;
    }

    /// <summary>Changes the account's options; see <see cref="ConfigureOptions(Func{XmppClientOptions, IServiceProvider, XmppClientOptions})"/>.</summary>
    /// <param name="configure">Returns the changed options (with a <c>with</c> expression).</param>
    /// <returns>This builder.</returns>
    public XmppClientBuilder ConfigureOptions(Func<XmppClientOptions, XmppClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return ConfigureOptions((options, _) => configure(options));
    }
}
