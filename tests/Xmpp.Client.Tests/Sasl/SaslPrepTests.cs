using Xmpp.Client.Sasl;

namespace Xmpp.Client.Tests.Sasl;

public class SaslPrepTests
{
    [Theory] // RFC 4013 §3 examples
    [InlineData("I\u00ADX", "IX")] // SOFT HYPHEN mapped to nothing
    [InlineData("user", "user")] // no transformation
    [InlineData("USER", "USER")] // case preserved
    [InlineData("\u00AA", "a")] // output is NFKC
    [InlineData("\u2168", "IX")] // output is NFKC
    public void Prepare_matches_the_RFC_4013_examples(string input, string expected)
    {
        Assert.Equal(expected, SaslPrep.Prepare(input, "password"));
    }

    [Theory]
    [InlineData("a\u00A0b", "a b")] // NO-BREAK SPACE (C.1.2) mapped to SPACE
    [InlineData("a\u3000b", "a b")] // IDEOGRAPHIC SPACE
    [InlineData("a\u200Bb", "ab")] // ZERO WIDTH SPACE is in B.1 and C.1.2: mapped to nothing
    [InlineData("a\uFE0Fb", "ab")] // VARIATION SELECTOR-16 mapped to nothing
    [InlineData("\u0041\u030A", "\u00C5")] // composed by NFKC
    [InlineData("pass word", "pass word")]
    [InlineData("\uD83D\uDE00", "\uD83D\uDE00")] // unassigned in Unicode 3.2: allowed (query semantics)
    [InlineData("a\u0378", "a\u0378")] // unassigned even today
    [InlineData("\u0340", "\u0300")] // C.8 before NFKC, but NFKC maps it to an allowed character
    [InlineData("\u05D0\u05D1", "\u05D0\u05D1")] // right-to-left only
    [InlineData("\u0627\u0031\u0628", "\u0627\u0031\u0628")] // RandALCat first and last, digits between
    [InlineData("", "")]
    public void Prepare_maps_and_normalizes(string input, string expected)
    {
        Assert.Equal(expected, SaslPrep.Prepare(input, "password"));
    }

    [Theory]
    [InlineData("\u0007", "control character")] // RFC 4013 §3: prohibited
    [InlineData("a\u0000b", "control character")]
    [InlineData("a\u0085", "control character")]
    [InlineData("a\u200E", "changes text direction")] // LEFT-TO-RIGHT MARK (C.8)
    [InlineData("a\u202Eb", "changes text direction")]
    [InlineData("a\uE000", "private-use")]
    [InlineData("a\uDB80\uDC00", "private-use")] // U+F0000
    [InlineData("a\uFDD0", "non-character")]
    [InlineData("a\uFFFE", "non-character")]
    [InlineData("a\uFFFD", "not meant for plain text")]
    [InlineData("a\u2FF0", "not meant for plain text")]
    [InlineData("a\uDB40\uDC01", "tagging")] // U+E0001
    public void Prepare_rejects_prohibited_characters(string input, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => SaslPrep.Prepare(input, "password"));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("The password ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_rejects_unpaired_surrogates()
    {
        // Built in code: xunit would replace a lone surrogate in InlineData while serializing it.
        foreach (string input in new[] { "a" + '\uD800' + "b", "a" + '\uDC00', '\uDBFF'.ToString() })
        {
            var e = Assert.Throws<ArgumentException>(() => SaslPrep.Prepare(input, "password"));

            Assert.Contains("unpaired surrogate", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\u0627\u0031")] // RFC 4013 §3: RandALCat must be first and last
    [InlineData("\u0031\u0627")]
    [InlineData("\u0627a\u0628")] // RandALCat and LCat mixed
    [InlineData("\u05D0x")]
    public void Prepare_rejects_strings_that_break_the_bidi_rules(string input)
    {
        var e = Assert.Throws<ArgumentException>(() => SaslPrep.Prepare(input, "user name"));

        Assert.Contains("right-to-left", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printable_ascii_is_returned_as_the_same_instance()
    {
        string value = "p@ss w0rd~!";

        Assert.Same(value, SaslPrep.Prepare(value, "password"));
    }

    [Theory]
    [InlineData(0x0000, true)]
    [InlineData(0x001F, true)]
    [InlineData(0x0020, false)]
    [InlineData(0x1D173, true)]
    [InlineData(0x1D17A, true)]
    [InlineData(0x1D17B, false)]
    [InlineData(0x10FFFF, false)]
    public void Range_lookup_includes_both_ends_of_each_range(int codePoint, bool expected)
    {
        Assert.Equal(expected, SaslPrepTables.Contains(SaslPrepTables.Control, codePoint));
    }

    [Fact]
    public void Tables_are_sorted_non_overlapping_ranges()
    {
        int[][] tables =
        [
            SaslPrepTables.NonAsciiSpace.ToArray(), SaslPrepTables.MappedToNothing.ToArray(), SaslPrepTables.Control.ToArray(),
            SaslPrepTables.PrivateUse.ToArray(), SaslPrepTables.NonCharacter.ToArray(), SaslPrepTables.NotPlainText.ToArray(),
            SaslPrepTables.NotCanonical.ToArray(), SaslPrepTables.DisplayChanging.ToArray(), SaslPrepTables.Tagging.ToArray(),
            SaslPrepTables.RandALCat.ToArray(), SaslPrepTables.LCat.ToArray(),
        ];
        foreach (int[] ranges in tables)
        {
            Assert.True(ranges.Length % 2 == 0);
            for (int i = 0; i < ranges.Length; i += 2)
            {
                Assert.True(ranges[i] <= ranges[i + 1]);
                Assert.True(i == 0 || ranges[i] > ranges[i - 1] + 1);
            }
        }
    }
}
