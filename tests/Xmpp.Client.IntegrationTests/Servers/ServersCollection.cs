namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>Tests marked <c>[Collection(ServersCollection.Name)]</c> share one set of running servers.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
