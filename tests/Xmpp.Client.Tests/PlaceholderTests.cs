namespace Xmpp.Client.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(Xmpp.Client.Tests.PlaceholderTests).Assembly is not null);
}
