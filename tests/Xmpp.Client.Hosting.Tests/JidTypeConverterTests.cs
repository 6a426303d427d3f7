using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace Xmpp.Client.Hosting.Tests;

public sealed class JidTypeConverterTests
{
    private sealed class MySettings
    {
        public Jid Owner { get; set; }
    }

    [Fact]
    public void Once_registered_configuration_binds_a_Jid_property_from_a_string()
    {
        JidTypeConverter.Register();
        var configuration = TestHost.Configuration(("Owner", "Alice@Example.com/Phone"));

        var settings = configuration.Get<MySettings>()!;

        Assert.Equal(Jid.Parse("alice@example.com/Phone"), settings.Owner);
        Assert.IsType<JidTypeConverter>(TypeDescriptor.GetConverter(typeof(Jid)));
    }

    [Fact]
    public void A_bad_Jid_fails_the_binding_with_the_key_and_the_reason()
    {
        JidTypeConverter.Register();
        var configuration = TestHost.Configuration(("Owner", "alice@"));

        var error = Assert.Throws<InvalidOperationException>(() => configuration.Get<MySettings>());

        Assert.Contains("'Owner'", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void It_converts_both_ways()
    {
        var converter = new JidTypeConverter();

        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.True(converter.CanConvertTo(typeof(string)));
        Assert.Equal("bob@example.com", converter.ConvertToInvariantString(converter.ConvertFromInvariantString(" bob@example.com ")!));
        Assert.Throws<FormatException>(() => converter.ConvertFromInvariantString("   "));
    }
}
