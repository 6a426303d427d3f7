using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

/// <summary>Message bodies and their languages (RFC 6121 §5.2.3, xml:lang per RFC 6120 §8.1.5).</summary>
public class MessageBodyTests
{
    [Fact]
    public void Body_reads_the_body_element()
    {
        Assert.Equal("Wherefore art thou?", Parse<Message>("<message><body>Wherefore art thou?</body></message>").Body);
    }

    [Fact]
    public void Body_of_an_empty_body_element_is_empty_not_null()
    {
        Assert.Equal("", Parse<Message>("<message><body/></message>").Body);
    }

    [Fact]
    public void Body_ignores_a_body_element_in_another_namespace()
    {
        var message = Parse<Message>("<message><body xmlns='urn:other'>not me</body></message>");

        Assert.Null(message.Body);
        Assert.Empty(message.Bodies);
    }

    [Fact]
    public void Setting_body_replaces_the_existing_body()
    {
        var message = Parse<Message>("<message><body>old</body></message>");

        message.Body = "new";

        Assert.Equal("new", message.Body);
        Assert.Equal(["new"], Core(message, "body").Select(b => b.Value));
    }

    [Fact]
    public void Setting_body_to_null_removes_it()
    {
        var message = Parse<Message>("<message><body>old</body><subject>s</subject></message>");

        message.Body = null;

        Assert.Null(message.Body);
        Assert.Empty(Core(message, "body"));
        Assert.Equal("s", message.Subject);
    }

    [Fact]
    public void Bodies_lists_each_language_with_the_untagged_body_under_the_empty_key()
    {
        var message = Parse<Message>(
            "<message xml:lang='en'><body>Hello</body><body xml:lang='de'>Hallo</body><body xml:lang='cs'>Ahoj</body></message>");

        Assert.Equal(3, message.Bodies.Count);
        Assert.Equal("Hello", message.Bodies[""]);
        Assert.Equal("Hallo", message.Bodies["de"]);
        Assert.Equal("Ahoj", message.Bodies["cs"]);
    }

    [Fact]
    public void Bodies_keys_compare_language_tags_case_insensitively()
    {
        var message = Parse<Message>("<message><body xml:lang='de-CH'>Grüezi</body></message>");

        Assert.Equal("Grüezi", message.Bodies["de-ch"]);
    }

    [Fact]
    public void GetBody_returns_the_body_in_the_requested_language()
    {
        var message = Parse<Message>("<message><body>Hello</body><body xml:lang='de'>Hallo</body></message>");

        Assert.Equal("Hallo", message.GetBody("de"));
        Assert.Equal("Hallo", message.GetBody("DE"));
        Assert.Null(message.GetBody("fr"));
    }

    [Fact]
    public void GetBody_in_the_stanza_language_finds_the_untagged_body()
    {
        // The untagged body inherits the stanza's xml:lang (RFC 6120 §8.1.5).
        var message = Parse<Message>("<message xml:lang='en'><body>Hello</body><body xml:lang='de'>Hallo</body></message>");

        Assert.Equal("Hello", message.GetBody("en"));
    }

    [Fact]
    public void Body_prefers_the_body_without_xml_lang()
    {
        var message = Parse<Message>(
            "<message xml:lang='de'><body xml:lang='de'>Hallo</body><body>Hello</body><body xml:lang='fr'>Salut</body></message>");

        Assert.Equal("Hello", message.Body);
    }

    [Fact]
    public void Body_falls_back_to_the_body_in_the_stanza_language()
    {
        var message = Parse<Message>("<message xml:lang='de'><body xml:lang='fr'>Salut</body><body xml:lang='DE'>Hallo</body></message>");

        Assert.Equal("Hallo", message.Body);
    }

    [Fact]
    public void Body_falls_back_to_the_first_body()
    {
        var message = Parse<Message>("<message xml:lang='en'><body xml:lang='fr'>Salut</body><body xml:lang='de'>Hallo</body></message>");

        Assert.Equal("Salut", message.Body);
        Assert.Equal("Salut", Parse<Message>("<message><body xml:lang='fr'>Salut</body></message>").Body);
    }

    [Fact]
    public void SetBody_with_a_language_replaces_only_that_language()
    {
        var message = Parse<Message>("<message><body>Hello</body><body xml:lang='de'>Hallo</body><body xml:lang='fr'>Salut</body></message>");

        message.SetBody("Servus", "de");

        Assert.Equal("Hello", message.Body);
        Assert.Equal("Servus", message.GetBody("de"));
        Assert.Equal("Salut", message.GetBody("fr"));
        Assert.Equal(3, Core(message, "body").Length);
        Assert.Equal("de", Core(message, "body").Single(b => b.Value == "Servus").Attribute(XmlNs + "lang")?.Value);
    }

    [Fact]
    public void SetBody_with_a_new_language_adds_a_tagged_body()
    {
        var message = new Message { Body = "Hello" };

        message.SetBody("Hallo", "de");

        Assert.Equal(new Dictionary<string, string> { [""] = "Hello", ["de"] = "Hallo" }, message.Bodies);
    }

    [Fact]
    public void SetBody_null_with_a_language_removes_only_that_language()
    {
        var message = Parse<Message>("<message><body>Hello</body><body xml:lang='de'>Hallo</body></message>");

        message.SetBody(null, "de");

        Assert.Null(message.GetBody("de"));
        Assert.Equal("Hello", message.Body);
    }

    [Fact]
    public void Setting_body_leaves_bodies_in_other_languages()
    {
        var message = Parse<Message>("<message><body>Hello</body><body xml:lang='de'>Hallo</body></message>");

        message.Body = "Hi";

        Assert.Equal(new Dictionary<string, string> { [""] = "Hi", ["de"] = "Hallo" }, message.Bodies);
    }

    [Fact]
    public void Setting_body_replaces_the_body_in_the_stanza_language_when_none_is_untagged()
    {
        // RFC 6121 §5.2.3: bodies need distinct languages; an untagged body would be a second 'en' one.
        var message = Parse<Message>("<message xml:lang='en'><body xml:lang='en'>Hello</body><body xml:lang='de'>Hallo</body></message>");

        message.Body = "Hi";

        Assert.Equal("Hi", message.Body);
        Assert.Equal("Hallo", message.GetBody("de"));
        Assert.Equal(2, Core(message, "body").Length);
    }

    [Fact]
    public void SetBody_in_the_stanza_language_replaces_the_untagged_body()
    {
        var message = Parse<Message>("<message xml:lang='en'><body>Hello</body><body xml:lang='de'>Hallo</body></message>");

        message.SetBody("Hi", "en");

        Assert.Equal("Hi", message.Body);
        Assert.Equal("Hi", message.GetBody("en"));
        Assert.Equal(2, Core(message, "body").Length);
    }

    [Fact]
    public void Setting_body_without_an_untagged_or_stanza_language_body_adds_an_untagged_one()
    {
        var message = Parse<Message>("<message><body xml:lang='de'>Hallo</body></message>");

        message.Body = "Hello";

        Assert.Equal("Hello", message.Body);
        Assert.Equal("Hallo", message.GetBody("de"));
    }
}
