using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>The examples of XEP-0115 §5.2 and §5.3.</summary>
internal static class CapsExamples
{
    public const string SimpleVer = "QgayPKawpkPSDYmwT/WM94uAlu0=";

    public const string ComplexVer = "q07IKJEyjvHSyhy//CH0CxmKi8w=";

    public const string SimpleInput =
        "client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
        + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<";

    public const string ComplexInput =
        "client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
        + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<urn:xmpp:dataforms:softwareinfo<"
        + "ip_version<ipv4<ipv6<os<Mac<os_version<10.5.1<software<Psi<software_version<0.11<";

    /// <summary>The §5.3 answer, as the XEP prints it.</summary>
    public const string ComplexXml = """
        <query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>
          <identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>
          <identity xml:lang='el' category='client' name='&#936; 0.11' type='pc'/>
          <feature var='http://jabber.org/protocol/caps'/>
          <feature var='http://jabber.org/protocol/disco#info'/>
          <feature var='http://jabber.org/protocol/disco#items'/>
          <feature var='http://jabber.org/protocol/muc'/>
          <x xmlns='jabber:x:data' type='result'>
            <field var='FORM_TYPE' type='hidden'>
              <value>urn:xmpp:dataforms:softwareinfo</value>
            </field>
            <field var='ip_version'>
              <value>ipv4</value>
              <value>ipv6</value>
            </field>
            <field var='os'>
              <value>Mac</value>
            </field>
            <field var='os_version'>
              <value>10.5.1</value>
            </field>
            <field var='software'>
              <value>Psi</value>
            </field>
            <field var='software_version'>
              <value>0.11</value>
            </field>
          </x>
        </query>
        """;

    public static DiscoInfo Simple() => new(
        [new DiscoIdentity("client", "pc", "Exodus 0.9.1")],
        ["http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc", "http://jabber.org/protocol/caps"]);

    public static DiscoInfo Complex() => DiscoInfo.FromXElement(XElement.Parse(ComplexXml));

    /// <summary>A data form with the given FORM_TYPE (hidden unless said otherwise) and fields.</summary>
    public static XElement Form(string formType, string? formTypeType = "hidden", params (string Var, string[] Values)[] fields)
    {
        XNamespace x = "jabber:x:data";
        return new XElement(
            x + "x",
            new XAttribute("type", "result"),
            new XElement(x + "field", new XAttribute("var", "FORM_TYPE"), formTypeType is null ? null : new XAttribute("type", formTypeType),
                new XElement(x + "value", formType)),
            fields.Select(field => new XElement(x + "field", new XAttribute("var", field.Var), field.Values.Select(value => new XElement(x + "value", value)))));
    }
}
