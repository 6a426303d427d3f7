using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class PresenceTests
{
    public static TheoryData<string?, PresenceType> Types => new()
    {
        { null, PresenceType.Available },
        { "unavailable", PresenceType.Unavailable },
        { "subscribe", PresenceType.Subscribe },
        { "subscribed", PresenceType.Subscribed },
        { "unsubscribe", PresenceType.Unsubscribe },
        { "unsubscribed", PresenceType.Unsubscribed },
        { "probe", PresenceType.Probe },
        { "error", PresenceType.Error },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Type_reads_each_type_attribute(string? attribute, PresenceType expected)
    {
        var presence = Parse<Presence>(attribute is null ? "<presence/>" : $"<presence type='{attribute}'/>");

        Assert.Equal(expected, presence.Type);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Type_writes_each_type_attribute(string? expected, PresenceType type)
    {
        var presence = new Presence(type);

        Assert.Equal(expected, presence.ToXElement().Attribute("type")?.Value);
        Assert.Equal(type, presence.Type);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Setting_type_replaces_the_previous_one(string? expected, PresenceType type)
    {
        var presence = Parse<Presence>("<presence type='subscribe'/>");

        presence.Type = type;

        Assert.Equal(expected, presence.ToXElement().Attribute("type")?.Value);
    }

    [Fact]
    public void Type_is_available_by_default()
    {
        var presence = new Presence();

        Assert.Equal(PresenceType.Available, presence.Type);
        Assert.Equal("<presence xmlns=\"jabber:client\" />", presence.ToString());
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("Unavailable")]
    public void Type_reports_an_unknown_type_as_error(string attribute)
    {
        Assert.Equal(PresenceType.Error, Parse<Presence>($"<presence type='{attribute}'/>").Type);
    }

    [Fact]
    public void A_type_outside_the_enum_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Presence((PresenceType)99));
        var presence = new Presence(PresenceType.Unavailable);
        Assert.Throws<ArgumentOutOfRangeException>(() => presence.Type = (PresenceType)(-1));
        Assert.Equal(PresenceType.Unavailable, presence.Type);
    }

    [Theory]
    [InlineData("away", PresenceShow.Away)]
    [InlineData("chat", PresenceShow.Chat)]
    [InlineData("dnd", PresenceShow.Dnd)]
    [InlineData("xa", PresenceShow.Xa)]
    public void Show_reads_and_writes_each_value(string text, PresenceShow show)
    {
        Assert.Equal(show, Parse<Presence>($"<presence><show>{text}</show></presence>").Show);

        var presence = new Presence { Show = show };
        Assert.Equal([text], Core(presence, "show").Select(s => s.Value));
        Assert.Equal(show, presence.Show);
    }

    [Theory]
    [InlineData("<presence/>")]
    [InlineData("<presence><show>busy</show></presence>")]
    [InlineData("<presence><show/></presence>")]
    [InlineData("<presence><show xmlns='urn:other'>away</show></presence>")]
    public void Show_is_none_when_absent_or_unknown(string xml)
    {
        Assert.Equal(PresenceShow.None, Parse<Presence>(xml).Show);
    }

    [Fact]
    public void Setting_show_none_removes_the_element()
    {
        var presence = Parse<Presence>("<presence><show>dnd</show><status>busy</status></presence>");

        presence.Show = PresenceShow.None;

        Assert.Empty(Core(presence, "show"));
        Assert.Equal("busy", presence.Status);
    }

    [Fact]
    public void Setting_show_replaces_the_previous_value()
    {
        var presence = Parse<Presence>("<presence><show>dnd</show></presence>");

        presence.Show = PresenceShow.Xa;

        Assert.Equal(["xa"], Core(presence, "show").Select(s => s.Value));
    }

    [Fact]
    public void Setting_show_outside_the_enum_throws()
    {
        var presence = new Presence();

        Assert.Throws<ArgumentOutOfRangeException>(() => presence.Show = (PresenceShow)7);
    }

    [Fact]
    public void Status_reads_sets_and_removes_the_status_element()
    {
        var presence = Parse<Presence>("<presence><status>Wooing Juliet</status></presence>");
        Assert.Equal("Wooing Juliet", presence.Status);

        presence.Status = "Sleeping";
        Assert.Equal(["Sleeping"], Core(presence, "status").Select(s => s.Value));

        presence.Status = null;
        Assert.Null(presence.Status);
        Assert.Empty(Core(presence, "status"));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("-1", -1)]
    [InlineData("127", 127)]
    [InlineData("-128", -128)]
    [InlineData("+5", 5)]
    [InlineData("007", 7)]
    [InlineData(" 5 ", 5)]
    [InlineData("\n  10\n", 10)]
    public void Priority_reads_an_xs_byte(string text, sbyte expected)
    {
        // RFC 6121 §4.7.2.3: the priority is an xs:byte, whose whitespace is collapsed.
        Assert.Equal(expected, Parse<Presence>($"<presence><priority>{text}</priority></presence>").Priority);
    }

    [Theory]
    [InlineData("128")]
    [InlineData("-129")]
    [InlineData("1000")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("0x10")]
    [InlineData("١")]
    public void Priority_is_zero_when_the_text_is_not_a_valid_priority(string text)
    {
        Assert.Equal(0, Parse<Presence>($"<presence><priority>{text}</priority></presence>").Priority);
    }

    [Fact]
    public void Priority_is_zero_when_absent()
    {
        Assert.Equal(0, new Presence().Priority);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(-1, "-1")]
    [InlineData(127, "127")]
    [InlineData(-128, "-128")]
    public void Setting_priority_writes_it_in_invariant_form(sbyte value, string expected)
    {
        var presence = new Presence { Priority = 3 };

        presence.Priority = value;

        Assert.Equal([expected], Core(presence, "priority").Select(p => p.Value));
        Assert.Equal(value, presence.Priority);
    }

    [Fact]
    public void Setting_priority_zero_removes_the_element()
    {
        var presence = Parse<Presence>("<presence><priority>5</priority></presence>");

        presence.Priority = 0;

        Assert.Empty(Core(presence, "priority"));
        Assert.Equal(0, presence.Priority);
    }

    [Fact]
    public void A_full_presence_keeps_its_children_in_the_order_they_were_set()
    {
        var presence = new Presence { Show = PresenceShow.Away, Status = "Gone fishing", Priority = 10 };

        Assert.Equal(
            "<presence xmlns=\"jabber:client\"><show>away</show><status>Gone fishing</status><priority>10</priority></presence>",
            presence.ToString());
    }
}
