namespace Xmpp.Client.Tests;

public class JidConstructionTests
{
    [Fact]
    public void Constructor_builds_a_full_JID_from_its_parts()
    {
        var jid = new Jid("juliet", "example.com", "balcony");

        Assert.Equal("juliet", jid.Local);
        Assert.Equal("example.com", jid.Domain);
        Assert.Equal("balcony", jid.Resource);
        Assert.Equal("juliet@example.com/balcony", jid.ToString());
        Assert.False(jid.IsBare);
    }

    [Fact]
    public void Constructor_builds_a_domain_JID_when_localpart_and_resourcepart_are_null()
    {
        var jid = new Jid(null, "example.com");

        Assert.Null(jid.Local);
        Assert.Null(jid.Resource);
        Assert.Equal("example.com", jid.ToString());
        Assert.True(jid.IsBare);
    }

    [Fact]
    public void Constructor_accepts_at_sign_and_slash_in_the_resourcepart()
    {
        var jid = new Jid("room", "conference.example.com", "nick/with@signs");

        Assert.Equal("nick/with@signs", jid.Resource);
        Assert.Equal(jid, Jid.Parse(jid.ToString()));
    }

    [Theory]
    [InlineData("", "example.com", null, "local")]
    [InlineData("a@b", "example.com", null, "local")]
    [InlineData("a/b", "example.com", null, "local")]
    [InlineData("a", "", null, "domain")]
    [InlineData("a", "example.com/x", null, "domain")]
    [InlineData("a", "user@example.com", null, "domain")]
    [InlineData("a", "example.com", "", "resource")]
    [InlineData("a", "example.com", "x\ny", "resource")]
    public void Constructor_rejects_an_invalid_part_naming_the_argument(
        string? local, string domain, string? resource, string parameter)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new Jid(local, domain, resource));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Constructor_throws_ArgumentNullException_for_a_null_domain()
    {
        Assert.Throws<ArgumentNullException>(() => new Jid("a", null!));
    }

    [Fact]
    public void Bare_drops_the_resourcepart()
    {
        Jid full = Jid.Parse("juliet@example.com/balcony");

        Jid bare = full.Bare;

        Assert.Equal("juliet@example.com", bare.ToString());
        Assert.True(bare.IsBare);
        Assert.Equal("juliet", bare.Local);
        Assert.Equal("example.com", bare.Domain);
        Assert.Equal(Jid.Parse("juliet@example.com"), bare);
    }

    [Fact]
    public void Bare_of_a_bare_JID_is_the_same_JID()
    {
        Jid bare = Jid.Parse("example.com");

        Assert.Same(bare.ToString(), bare.Bare.ToString());
    }

    [Fact]
    public void WithResource_replaces_or_adds_the_resourcepart()
    {
        Jid full = Jid.Parse("juliet@example.com/balcony");

        Assert.Equal("juliet@example.com/garden", full.WithResource("garden").ToString());
        Assert.Equal("example.com/Re\u0301s".Normalize(), Jid.Parse("example.com").WithResource("Re\u0301s").ToString());
        Assert.Equal("garden", full.WithResource("garden").Resource);
    }

    [Fact]
    public void WithResource_rejects_an_invalid_resourcepart()
    {
        Jid jid = Jid.Parse("juliet@example.com");

        Assert.Throws<ArgumentException>(() => jid.WithResource(""));
        Assert.Throws<ArgumentException>(() => jid.WithResource("a\u0007b"));
        Assert.Throws<ArgumentNullException>(() => jid.WithResource(null!));
    }

    [Fact]
    public void Default_JID_is_empty_and_safe_to_use()
    {
        Jid empty = default;

        Assert.True(empty.IsEmpty);
        Assert.True(empty.IsBare);
        Assert.Equal(string.Empty, empty.ToString());
        Assert.Equal(string.Empty, empty.Domain);
        Assert.Null(empty.Local);
        Assert.Null(empty.Resource);
        Assert.Equal(empty, empty.Bare);
        Assert.Equal(0, empty.GetHashCode());
        Assert.Equal(default, empty);
        Assert.NotEqual(Jid.Parse("example.com"), empty);
        Assert.True(empty.TryFormat(Span<char>.Empty, out int written, default, null));
        Assert.Equal(0, written);
        Assert.Equal(string.Empty, $"{empty}");
        Assert.Throws<InvalidOperationException>(() => empty.WithResource("r"));
    }

    [Fact]
    public void Parsed_JIDs_are_never_empty()
    {
        Assert.False(Jid.Parse("example.com").IsEmpty);
    }
}
