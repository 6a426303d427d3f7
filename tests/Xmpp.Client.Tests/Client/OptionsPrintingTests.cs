namespace Xmpp.Client.Tests.Client;

public class OptionsPrintingTests
{
    [Fact]
    public void ToString_shows_the_settings_but_not_the_password()
    {
        var options = new XmppClientOptions { Jid = Jid.Parse("bot@example.com"), Password = "pencil-s3cret", Host = "xmpp.example.net" };

        var text = options.ToString();

        Assert.DoesNotContain("pencil-s3cret", text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.Contains("bot@example.com", text, StringComparison.Ordinal);
        Assert.Contains("xmpp.example.net", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_says_when_no_password_is_set()
    {
        var options = new XmppClientOptions { Jid = Jid.Parse("example.com") };

        Assert.Contains("Password = (none)", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_every_option()
    {
        var text = new XmppClientOptions { Jid = Jid.Parse("bot@example.com"), Password = "x" }.ToString();

        foreach (var property in typeof(XmppClientOptions).GetProperties())
        {
            if (property.Name != "EqualityContract")
            {
                Assert.Contains(property.Name + " = ", text, StringComparison.Ordinal);
            }
        }
    }
}
