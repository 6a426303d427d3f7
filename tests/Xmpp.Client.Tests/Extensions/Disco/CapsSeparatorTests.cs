using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>
/// The verification string joins the answer's strings with '&lt;' (and an identity's parts with '/'): a string that
/// contains its separator makes two different answers hash alike, so such answers are refused (XEP-0115 §5.4), and
/// what the hash does not cover is never cached.
/// </summary>
public class CapsSeparatorTests
{
    private static readonly DiscoIdentity Client = new("client", "pc");

    public static TheoryData<string, DiscoInfo> Ambiguous => new()
    {
        { "feature", new DiscoInfo([Client], ["urn:a<urn:b"]) },
        { "category", new DiscoInfo([new DiscoIdentity("client<x", "pc")], ["urn:a"]) },
        { "category", new DiscoInfo([new DiscoIdentity("client/pc", "")], ["urn:a"]) },
        { "type", new DiscoInfo([new DiscoIdentity("client", "p/c")], ["urn:a"]) },
        { "type", new DiscoInfo([new DiscoIdentity("client", "pc<")], ["urn:a"]) },
        { "language", new DiscoInfo([new DiscoIdentity("client", "pc", "Name", "en/x")], ["urn:a"]) },
        { "language", new DiscoInfo([new DiscoIdentity("client", "pc", "Name", "en<")], ["urn:a"]) },
        { "name", new DiscoInfo([new DiscoIdentity("client", "pc", "Psi<urn:a")], ["urn:b"]) },
        { "FORM_TYPE", new DiscoInfo([Client], ["urn:a"], [CapsExamples.Form("urn:f<os")]) },
        { "field", new DiscoInfo([Client], ["urn:a"], [CapsExamples.Form("urn:f", "hidden", ("os<Mac", []))]) },
        { "value", new DiscoInfo([Client], ["urn:a"], [CapsExamples.Form("urn:f", "hidden", ("os", ["Mac<os_version"]))]) },
    };

    [Fact]
    public void A_feature_holding_the_separator_hashes_like_two_features()
    {
        var forged = new DiscoInfo([Client], ["urn:a<urn:b"]);
        var honest = new DiscoInfo([Client], ["urn:a", "urn:b"]);

        Assert.Equal(CapsHash.Compute(honest), CapsHash.Compute(forged));
        Assert.True(CapsHash.IsWellFormed(honest, out _));
        Assert.False(CapsHash.IsWellFormed(forged, out var problem));
        Assert.Contains("'<'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ambiguous))]
    public void An_answer_with_a_separator_inside_a_hashed_string_is_ill_formed(string where, DiscoInfo info)
    {
        Assert.False(CapsHash.IsWellFormed(info, out var problem));
        Assert.Contains(where, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slash_in_an_identity_name_or_a_feature_is_not_ambiguous_and_is_accepted()
    {
        // The name is the last part of an identity, so a '/' in it cannot move a boundary; features are URIs.
        var info = new DiscoInfo([new DiscoIdentity("client", "pc", "Psi 1.5 / Linux", "en")], ["http://jabber.org/protocol/muc"]);
        Assert.True(CapsHash.IsWellFormed(info, out _));
    }

    [Fact]
    public async Task A_forged_answer_whose_hash_matches_is_not_cached()
    {
        var forged = new DiscoInfo([Client], ["urn:a<urn:b"]);
        var ver = CapsHash.Compute(forged);
        var cache = new CapsCache((_, _, _) => Task.FromResult(forged), NullLogger.Instance);
        var jid = Jid.Parse("mallory@example.com/x");

        cache.OnAvailable(jid, new EntityCapabilities("sha-1", "urn:node", ver));

        Assert.Null(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(cache.TryGet(jid, out _));
    }

    [Fact]
    public async Task Only_what_the_hash_covers_is_cached()
    {
        XNamespace x = "jabber:x:data";
        var hashed = CapsExamples.Form("urn:f", "hidden", ("os", ["Mac"]));
        hashed.Add(new XElement(x + "title", "not hashed"), new XElement(x + "field", new XElement(x + "value", "no var")));
        hashed.Elements(x + "field").Last(field => (string?)field.Attribute("var") == "os").Add(new XAttribute("label", "not hashed"));
        var unhashed = CapsExamples.Form("urn:visible", formTypeType: null, ("secret", ["not hashed"]));
        var answer = new DiscoInfo([Client], ["urn:a"], [hashed, unhashed]);
        var ver = CapsHash.Compute(answer);
        var cache = new CapsCache((_, _, _) => Task.FromResult(answer), NullLogger.Instance);
        var jid = Jid.Parse("juliet@example.com/balcony");

        cache.OnAvailable(jid, new EntityCapabilities("sha-1", "urn:node", ver));
        var cached = await cache.GetAsync(jid, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(cached);
        var form = Assert.Single(cached.Forms);
        Assert.Equal(
            "<x type=\"result\" xmlns=\"jabber:x:data\"><field var=\"FORM_TYPE\" type=\"hidden\"><value>urn:f</value></field>"
            + "<field var=\"os\"><value>Mac</value></field></x>",
            form.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(ver, CapsHash.Compute(cached));
    }
}
