namespace Xmpp.Client.IntegrationTests;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(Xmpp.Client.IntegrationTests.PlaceholderTests).Assembly is not null);
}
