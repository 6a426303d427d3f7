using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Xmpp.Client.Hosting.Tests;

/// <summary>Services with an in-memory configuration, as a host would build them.</summary>
internal static class TestHost
{
    public static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    /// <summary>Services with logging (dispose them with <c>await using</c>: the client is only IAsyncDisposable) and the default account added from the "Xmpp" section of <paramref name="values"/>.</summary>
    public static ServiceProvider Services(params (string Key, string? Value)[] values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient(Configuration(values).GetSection("Xmpp"));
        return services.BuildServiceProvider();
    }

    /// <summary>The failures the options of the default account report (empty when valid).</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(params (string Key, string? Value)[] values)
    {
        await using var provider = Services(values);
        try
        {
            _ = provider.GetRequiredService<XmppClient>();
            return [];
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException invalid)
        {
            return [.. invalid.Failures];
        }
    }
}
