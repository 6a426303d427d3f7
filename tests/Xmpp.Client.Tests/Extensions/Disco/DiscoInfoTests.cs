using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

public class DiscoInfoTests
{
    [Fact]
    public void Reads_identities_with_language_features_forms_and_node()
    {
        var info = CapsExamples.Complex();
        Assert.Equal("http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w=", info.Node);
        Assert.Equal([new DiscoIdentity("client", "pc", "Psi 0.11", "en"), new DiscoIdentity("client", "pc", "Ψ 0.11", "el")], info.Identities);
        Assert.Equal(4, info.Features.Count);
        Assert.True(info.HasFeature("http://jabber.org/protocol/muc"));
        Assert.False(info.HasFeature("urn:xmpp:ping"));
        Assert.True(info.HasIdentity("client", "pc"));
        Assert.Equal("urn:xmpp:dataforms:softwareinfo", info.Forms.Single().Elements().First().Value);
    }

    [Fact]
    public void Writing_and_reading_back_keeps_everything()
    {
        var info = CapsExamples.Complex();
        var copy = DiscoInfo.FromXElement(XElement.Parse(info.ToXElement().ToString()));
        Assert.Equal(info.Node, copy.Node);
        Assert.Equal(info.Identities, copy.Identities);
        Assert.Equal(info.Features, copy.Features);
        Assert.Equal(CapsExamples.ComplexVer, CapsHash.Compute(copy));
    }

    [Fact]
    public void Caps_element_round_trips_and_names_its_disco_node()
    {
        var caps = EntityCapabilities.FromXElement(XElement.Parse(
            "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://code.google.com/p/exodus' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/>"));
        Assert.Equal(new EntityCapabilities("sha-1", "http://code.google.com/p/exodus", CapsExamples.SimpleVer), caps);
        Assert.Equal("http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0=", caps.DiscoNode);
        Assert.Equal(caps, EntityCapabilities.FromXElement(caps.ToXElement()));
    }
}
