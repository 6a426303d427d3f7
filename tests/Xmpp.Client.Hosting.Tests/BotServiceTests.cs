using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Xmpp.Client.Hosting.Tests;

public sealed class BotServiceTests
{
    private sealed class CountingBot(XmppClient client) : XmppBotService(client)
    {
        public int Connected { get; private set; }

        protected override Task OnConnectedAsync(CancellationToken stoppingToken)
        {
            Connected++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_bot_waits_for_the_connection_and_ends_when_the_host_stops()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddXmppClient(settings => { settings.Jid = "bot@example.com"; settings.Password = "p"; });
        services.AddXmppBot<CountingBot>();
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CountingBot));
        await using var provider = services.BuildServiceProvider();
        using var bot = ActivatorUtilities.CreateInstance<CountingBot>(provider);

        await bot.StartAsync(CancellationToken.None);
        Assert.False(bot.ExecuteTask!.IsCompleted);
        await bot.StopAsync(CancellationToken.None);

        Assert.True(bot.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, bot.Connected);
    }
}
