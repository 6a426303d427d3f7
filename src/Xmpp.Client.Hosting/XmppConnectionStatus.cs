namespace Xmpp.Client.Hosting;

/// <summary>What the hosted connection of one account is doing before its first success, for the health check:
/// between two attempts the client is <see cref="XmppClientState.Disconnected"/>, yet the account is still coming up.</summary>
internal sealed class XmppConnectionStatus
{
    private volatile string? _retrying;

    /// <summary>Why the last attempt failed while another one is due; <see langword="null"/> when not retrying.</summary>
    public string? Retrying
    {
        get => _retrying;
        set => _retrying = value;
    }

    /// <summary>The status of the account <paramref name="name"/> (the default account for an empty name).</summary>
    public static XmppConnectionStatus Of(IServiceProvider services, string name) =>
        name.Length == 0
            ? Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<XmppConnectionStatus>(services)
            : Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<XmppConnectionStatus>(services, name);
}
