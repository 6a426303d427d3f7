using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

public class CapsHashTests
{
    [Fact]
    public void Simple_example_of_XEP_0115_section_5_2_hashes_to_its_ver()
    {
        Assert.Equal(CapsExamples.SimpleInput, CapsHash.BuildInput(CapsExamples.Simple()));
        Assert.Equal(CapsExamples.SimpleVer, CapsHash.Compute(CapsExamples.Simple()));
    }

    [Fact]
    public void Complex_example_of_XEP_0115_section_5_3_with_languages_and_a_form_hashes_to_its_ver()
    {
        Assert.Equal(CapsExamples.ComplexInput, CapsHash.BuildInput(CapsExamples.Complex()));
        Assert.Equal(CapsExamples.ComplexVer, CapsHash.Compute(CapsExamples.Complex()));
    }

    [Fact]
    public void Order_of_identities_features_forms_fields_and_values_does_not_change_the_hash()
    {
        var complex = CapsExamples.Complex();
        var form = complex.Forms.Single();
        var shuffledForm = new XElement(form.Name, form.Attributes(), form.Elements().Reverse()
            .Select(field => new XElement(field.Name, field.Attributes(), field.Elements().Reverse())));
        var shuffled = new DiscoInfo(complex.Identities.Reverse(), complex.Features.Reverse(), [shuffledForm]);
        Assert.Equal(CapsExamples.ComplexVer, CapsHash.Compute(shuffled));
    }

    [Fact]
    public void Forms_are_sorted_by_FORM_TYPE_and_forms_without_a_hidden_FORM_TYPE_are_left_out()
    {
        var info = new DiscoInfo(
            [new DiscoIdentity("client", "bot")],
            ["urn:a"],
            [
                CapsExamples.Form("urn:z", "hidden", ("f", ["1"])),
                CapsExamples.Form("urn:visible", formTypeType: null, ("g", ["2"])),
                CapsExamples.Form("urn:b", "hidden", ("h", ["3"])),
            ]);
        Assert.Equal("client/bot//<urn:a<urn:b<h<3<urn:z<f<1<", CapsHash.BuildInput(info));
    }

    [Fact]
    public void Other_hash_functions_are_computed_and_unknown_ones_refused()
    {
        Assert.True(CapsHash.IsSupported("sha-256"));
        Assert.False(CapsHash.IsSupported("md5"));
        Assert.Equal(44, CapsHash.Compute(CapsExamples.Simple(), "sha-256").Length);
        Assert.NotEqual(CapsExamples.SimpleVer, CapsHash.Compute(CapsExamples.Simple(), "sha-256"));
        Assert.Throws<ArgumentException>(() => CapsHash.Compute(CapsExamples.Simple(), "md5"));
    }

    [Fact]
    public void The_XEP_examples_are_well_formed()
    {
        Assert.True(CapsHash.IsWellFormed(CapsExamples.Simple(), out _));
        Assert.True(CapsHash.IsWellFormed(CapsExamples.Complex(), out _));
    }

    [Fact]
    public void An_answer_with_a_repeated_identity_is_ill_formed()
    {
        var info = new DiscoInfo([new DiscoIdentity("client", "pc", "A", "en"), new DiscoIdentity("client", "pc", "A", "en")], ["urn:a"]);
        Assert.False(CapsHash.IsWellFormed(info, out var problem));
        Assert.Contains("identity", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_with_a_repeated_feature_is_ill_formed()
    {
        var info = new DiscoInfo([new DiscoIdentity("client", "pc")], ["urn:a", "urn:b", "urn:a"]);
        Assert.False(CapsHash.IsWellFormed(info, out var problem));
        Assert.Contains("urn:a", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_with_two_forms_of_one_FORM_TYPE_is_ill_formed()
    {
        var info = new DiscoInfo([new DiscoIdentity("client", "pc")], ["urn:a"], [CapsExamples.Form("urn:f"), CapsExamples.Form("urn:f")]);
        Assert.False(CapsHash.IsWellFormed(info, out _));
    }

    [Fact]
    public void An_answer_whose_FORM_TYPE_has_different_values_is_ill_formed()
    {
        var form = CapsExamples.Form("urn:f");
        form.Elements().First().Add(new XElement(XName.Get("value", "jabber:x:data"), "urn:g"));
        var info = new DiscoInfo([new DiscoIdentity("client", "pc")], ["urn:a"], [form]);
        Assert.False(CapsHash.IsWellFormed(info, out _));
    }

    [Fact]
    public void Sorting_follows_UTF_8_byte_order_not_UTF_16_order()
    {
        // U+FFFD is EF BF BD in UTF-8, U+1F600 is F0 9F 98 80: the emoji sorts last, although its UTF-16 (D83D…) sorts first.
        Assert.True(OctetComparer.Instance.Compare("\uFFFD", "\U0001F600") < 0);
        Assert.True(string.CompareOrdinal("\uFFFD", "\U0001F600") > 0);
        var info = new DiscoInfo([new DiscoIdentity("client", "pc")], ["urn:\U0001F600", "urn:\uFFFD"]);
        Assert.Equal("client/pc//<urn:\uFFFD<urn:\U0001F600<", CapsHash.BuildInput(info));
    }
}
