using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Stanzas;

public class StanzaIdsTests
{
    [Fact]
    public void Ids_are_twelve_url_safe_characters()
    {
        for (int i = 0; i < 1000; i++)
        {
            string id = StanzaIds.New();

            Assert.Equal(12, id.Length);
            Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', id));
        }
    }

    [Fact]
    public void Ids_use_the_whole_alphabet()
    {
        var seen = new HashSet<char>();
        for (int i = 0; i < 2000; i++)
        {
            seen.UnionWith(StanzaIds.New());
        }

        Assert.Equal(64, seen.Count);
    }

    [Fact]
    public void Ids_do_not_repeat_across_ten_thousand_calls()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => StanzaIds.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, ids.Count);
    }
}
