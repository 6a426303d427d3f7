using System.Xml.Linq;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Xml;

public class XmppElementTests
{
    [Fact]
    public void SetAttribute_adds_replaces_and_removes()
    {
        var e = new XmppElement("a", "urn:a");

        e.SetAttribute("x", "1").SetAttribute("x", "2").SetAttribute("x", "3", "urn:n").SetAttribute("y", "4").SetAttribute("y", null);

        Assert.Equal("2", e.GetAttribute("x"));
        Assert.Equal("3", e.GetAttribute("x", "urn:n"));
        Assert.Null(e.GetAttribute("y"));
        Assert.Equal(2, e.Attributes.Count);
    }

    [Fact]
    public void Removing_an_attribute_keeps_the_order_of_the_others()
    {
        var e = new XmppElement("a", "").SetAttribute("x", "1").SetAttribute("y", "2").SetAttribute("z", "3");

        e.SetAttribute("y", null);

        Assert.Equal(["x", "z"], e.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Children_added_after_a_look_at_Children_are_all_there()
    {
        var e = new XmppElement("a", "");
        for (int i = 0; i < 10; i++)
        {
            e.AddText(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(i + 1, e.Children.Count);
        }

        Assert.Equal("0123456789", e.Value);
    }

    [Fact]
    public void Element_and_Elements_find_children_by_name_and_namespace()
    {
        var e = new XmppElement("a", "urn:a")
            .Add(new XmppElement("b", "urn:a").AddText("1"))
            .AddText("text")
            .Add(new XmppElement("b", "urn:other").AddText("2"))
            .Add(new XmppElement("b", "urn:a").AddText("3"));

        Assert.Equal("1", e.Element("b", "urn:a")!.Value);
        Assert.Null(e.Element("c", "urn:a"));
        Assert.Equal(["1", "3"], e.Elements("b", "urn:a").Select(x => x.Value));
        Assert.Equal(3, e.Elements().Count());
    }

    [Fact]
    public void Value_concatenates_descendant_text_in_document_order()
    {
        var e = new XmppElement("a", "").AddText("1").Add(new XmppElement("b", "").AddText("2").Add(new XmppElement("c", "").AddText("3"))).AddText("4");

        Assert.Equal("1234", e.Value);
        Assert.Equal("", new XmppElement("a", "").Value);
    }

    [Fact]
    public void Add_refuses_a_node_that_already_has_a_parent_or_would_make_a_cycle()
    {
        var a = new XmppElement("a", "");
        var b = new XmppElement("b", "");
        a.Add(b);

        Assert.Throws<InvalidOperationException>(() => new XmppElement("c", "").Add(b));
        Assert.Throws<InvalidOperationException>(() => b.Add(a));
        Assert.Throws<InvalidOperationException>(() => a.Add(a));
        Assert.Same(a, b.Parent);
    }

    [Fact]
    public void ToXElement_keeps_names_namespaces_attributes_and_text()
    {
        var e = new XmppElement("message", "jabber:client").SetAttribute("to", "a@b").SetAttribute("lang", "en", XmlNamespaces.Xml)
            .Add(new XmppElement("x", "urn:x").SetAttribute("v", "1", "urn:v").AddText("t"));

        XElement x = e.ToXElement();

        Assert.Equal(XName.Get("message", "jabber:client"), x.Name);
        Assert.Equal("a@b", (string?)x.Attribute("to"));
        Assert.Equal("en", (string?)x.Attribute(XNamespace.Xml + "lang"));
        XElement child = x.Element(XName.Get("x", "urn:x"))!;
        Assert.Equal("1", (string?)child.Attribute(XName.Get("v", "urn:v")));
        Assert.Equal("t", child.Value);
    }

    [Fact]
    public void FromXElement_drops_namespace_declarations_comments_and_turns_cdata_into_text()
    {
        XElement x = XElement.Parse("<m xmlns='jabber:client' xmlns:p='urn:p' p:a='1' b='2'><body>x<![CDATA[<y>]]><!-- c --></body><p:e/></m>");

        XmppElement e = XmppElement.FromXElement(x);

        Assert.Equal([new XmppAttribute("a", "urn:p", "1"), new XmppAttribute("b", "", "2")], e.Attributes);
        Assert.Equal("x<y>", e.Element("body", "jabber:client")!.Value);
        Assert.NotNull(e.Element("e", "urn:p"));
        Assert.Equal(Canonical.Of(e), Canonical.Of(XmppElement.FromXElement(e.ToXElement())));
    }
}
