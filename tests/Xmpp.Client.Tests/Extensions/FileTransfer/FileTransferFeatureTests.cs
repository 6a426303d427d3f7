using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Extensions.Jingle;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>What the file transfer extensions announce in service discovery, and that Jingle brings IBB along.</summary>
public class FileTransferFeatureTests
{
    [Fact]
    public async Task Jingle_file_transfer_announces_its_namespaces_and_requires_in_band_bytestreams()
    {
        await using var client = new XmppClient(Support.TestClients.Options() with { Extensions = XmppExtensionSet.Empty.Add<JingleFileTransferExtension>() });

        Assert.Equal(
            ["http://jabber.org/protocol/ibb", "urn:xmpp:hash-function-text-names:sha-256", "urn:xmpp:hash-function-text-names:sha-512",
             "urn:xmpp:hashes:2", "urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:file-transfer:5", "urn:xmpp:jingle:transports:ibb:1"],
            client.Features.Names.Where(name => name.Contains("ibb", StringComparison.Ordinal) || name.Contains("jingle", StringComparison.Ordinal) || name.Contains("hash", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.NotNull(client.GetExtension<InBandBytestreamsExtension>());
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_the_extension_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandBytestreamsExtension(new InBandBytestreamOptions { MaxBlockSize = 70_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InBandBytestreamsExtension(new InBandBytestreamOptions { ReceiveWindow = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JingleFileTransferExtension(new JingleFileTransferOptions { HashAlgorithm = "sha-1" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JingleFileTransferExtension(new JingleFileTransferOptions { MaxSessions = 0 }));
    }
}
