namespace Xmpp.Client.Tests;

public class JidEqualityTests
{
    [Fact]
    public void Differently_cased_JIDs_are_equal_and_hash_alike()
    {
        Jid lower = Jid.Parse("juliet@example.com/balcony");
        Jid mixed = Jid.Parse("JuLiEt@ExAmPlE.cOm/balcony");

        Assert.True(lower == mixed);
        Assert.False(lower != mixed);
        Assert.True(lower.Equals(mixed));
        Assert.True(lower.Equals((object)mixed));
        Assert.Equal(lower.GetHashCode(), mixed.GetHashCode());
    }

    [Fact]
    public void Resourceparts_are_compared_case_sensitively()
    {
        Assert.NotEqual(Jid.Parse("juliet@example.com/Balcony"), Jid.Parse("juliet@example.com/balcony"));
    }

    [Fact]
    public void Bare_and_full_JIDs_are_not_equal()
    {
        Assert.NotEqual(Jid.Parse("juliet@example.com"), Jid.Parse("juliet@example.com/balcony"));
        Assert.NotEqual(Jid.Parse("example.com"), Jid.Parse("juliet@example.com"));
    }

    [Fact]
    public void A_JID_is_not_equal_to_its_string()
    {
        Assert.False(Jid.Parse("example.com").Equals("example.com"));
        Assert.False(Jid.Parse("example.com").Equals(null));
    }

    [Fact]
    public void JIDs_work_as_dictionary_keys_across_spellings()
    {
        var presence = new Dictionary<Jid, string> { [Jid.Parse("Romeo@Montague.example.")] = "away" };

        Assert.Equal("away", presence[Jid.Parse("romeo@montague.example")]);
    }
}
