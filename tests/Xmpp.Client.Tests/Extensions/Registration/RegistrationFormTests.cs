using System.Xml.Linq;
using Xmpp.Client.Extensions.Registration;

namespace Xmpp.Client.Tests.Extensions.Registration;

public sealed class RegistrationFormTests
{
    private static RegistrationForm Read(string xml) => RegistrationForm.FromXElement(XElement.Parse(xml));

    [Fact]
    public void FixedFieldsAreReadInTheServersOrderWithInstructions()
    {
        var form = Read("""
            <query xmlns='jabber:iq:register'>
              <instructions>Choose a username and password.</instructions>
              <username/><password/><email/><unknown-thing/>
            </query>
            """);

        Assert.Equal("Choose a username and password.", form.Instructions);
        Assert.Equal(["username", "password", "email"], form.Fields);
        Assert.False(form.IsRegistered);
        Assert.Null(form.Form);
        Assert.Equal(["username", "password", "email"], form.MissingFields);
    }

    [Fact]
    public void SubmissionCarriesTheFilledFixedFields()
    {
        var form = Read("<query xmlns='jabber:iq:register'><username/><password/><email/></query>");

        form.SetCredentials("bill", "Calliope").Set("email", "bard@shakespeare.lit");

        Assert.Empty(form.MissingFields);
        var sent = form.ToXElement();
        XNamespace ns = "jabber:iq:register";
        Assert.Equal("bill", sent.Element(ns + "username")?.Value);
        Assert.Equal("Calliope", sent.Element(ns + "password")?.Value);
        Assert.Equal("bard@shakespeare.lit", sent.Element(ns + "email")?.Value);
    }

    [Fact]
    public void AFieldTheServerDidNotAskForIsRefused()
    {
        var form = Read("<query xmlns='jabber:iq:register'><username/><password/></query>");

        var error = Assert.Throws<ArgumentException>(() => form.Set("email", "x@example.com"));
        Assert.Contains("username, password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisteredFormKeepsTheCurrentValues()
    {
        var form = Read("<query xmlns='jabber:iq:register'><registered/><username>juliet</username><password/></query>");

        Assert.True(form.IsRegistered);
        Assert.Equal("juliet", form.GetValue("username"));
        Assert.Equal(["password"], form.MissingFields);
    }

    [Fact]
    public void ADataFormTakesThePlaceOfTheFixedFields()
    {
        var form = Read("""
            <query xmlns='jabber:iq:register'>
              <instructions>Use the enclosed form to register.</instructions>
              <username/>
              <x xmlns='jabber:x:data' type='form'>
                <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register</value></field>
                <field type='text-single' label='Given Name' var='first'><required/></field>
                <field type='text-single' var='username'><required/></field>
                <field type='text-private' var='password'><required/></field>
                <field type='text-single' var='email'/>
              </x>
            </query>
            """);

        Assert.NotNull(form.Form);
        Assert.Equal(["first", "username", "password"], form.MissingFields);
        form.SetCredentials("juliet", "R0m30").Set("first", "Juliet");
        Assert.Empty(form.MissingFields);

        var x = form.ToXElement().Element(XName.Get("x", "jabber:x:data"));
        Assert.NotNull(x);
        Assert.Equal("submit", (string?)x.Attribute("type"));
        Assert.Contains(x.Elements(), f => (string?)f.Attribute("var") == "password" && f.Value == "R0m30");
        Assert.Empty(form.ToXElement().Elements(XName.Get("username", "jabber:iq:register")));
    }

    [Fact]
    public void CaptchaChallengesAreReportedWithTheirEmbeddedImage()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        var form = Read($"""
            <query xmlns='jabber:iq:register'>
              <instructions>Solve the CAPTCHA.</instructions>
              <x xmlns='jabber:x:data' type='form'>
                <field type='hidden' var='FORM_TYPE'><value>urn:xmpp:captcha</value></field>
                <field type='hidden' var='from'><value>example.com</value></field>
                <field type='hidden' var='challenge'><value>F3A6292C</value></field>
                <field type='hidden' var='sid'><value/></field>
                <field var='username' type='text-single'><required/></field>
                <field var='password' type='text-private'><required/></field>
                <field label='Enter the text you see' var='ocr'>
                  <required/>
                  <media xmlns='urn:xmpp:media-element' height='80' width='290'>
                    <uri type='image/png'>cid:sha1+f24030b8d91d233bac14777be5ab531ca3b9f102@bob.xmpp.org</uri>
                  </media>
                </field>
              </x>
              <data xmlns='urn:xmpp:bob' cid='sha1+f24030b8d91d233bac14777be5ab531ca3b9f102@bob.xmpp.org' type='image/png'>{Convert.ToBase64String(png)}</data>
            </query>
            """);

        Assert.True(form.HasCaptcha);
        var captcha = Assert.Single(form.Captchas);
        Assert.Equal("ocr", captcha.Kind);
        Assert.Equal("Enter the text you see", captcha.Field.Label);
        var media = Assert.Single(captcha.Media);
        Assert.Equal("image/png", media.MediaType);
        Assert.Equal(png, media.Data?.ToArray());
        Assert.Contains("ocr", form.MissingFields);
    }

    [Fact]
    public void AWebPageToRegisterOnIsReported()
    {
        var form = Read("""
            <query xmlns='jabber:iq:register'>
              <instructions>To register, visit http://www.shakespeare.lit/contests.php</instructions>
              <x xmlns='jabber:x:oob'><url>http://www.shakespeare.lit/contests.php</url></x>
            </query>
            """);

        Assert.Equal(new Uri("http://www.shakespeare.lit/contests.php"), form.WebPage);
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void RepeatedFieldsCountOnceAndOverlongValuesAreRefused()
    {
        var many = string.Concat(Enumerable.Range(0, 70).Select(_ => "<username/>"));

        Assert.Single(Read($"<query xmlns='jabber:iq:register'>{many}</query>").Fields);
        Assert.Throws<FormatException>(() => Read($"<query xmlns='jabber:iq:register'><username>{new string('a', 5000)}</username></query>"));
        Assert.Throws<FormatException>(() => Read($"<query xmlns='jabber:iq:register'><instructions>{new string('a', 5000)}</instructions></query>"));
    }

    [Fact]
    public void SomethingElseThanARegistrationQueryIsRefused() =>
        Assert.Throws<FormatException>(() => Read("<query xmlns='jabber:iq:roster'/>"));
}
