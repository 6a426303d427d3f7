using System.Buffers;

namespace Xmpp.Client.Xml;

/// <summary>
/// Serialises the stream header, elements and the stream end straight into an <see cref="IBufferWriter{T}"/> (a
/// <see cref="System.IO.Pipelines.PipeWriter"/>) as UTF-8. Namespaces are declared only where they change: a child in
/// its parent's namespace gets no <c>xmlns</c>. What it writes, <see cref="XmlStreamReader"/> reads back as the same tree.
/// </summary>
/// <remarks>
/// Input that cannot be written as XML (a character XML 1.0 forbids, an unpaired surrogate, an invalid name) throws
/// <see cref="ArgumentException"/> before anything is written. The caller flushes the pipe; the writer only fills it.
/// Thread-safe as long as each output is written by one caller at a time.
/// </remarks>
internal static class XmlStreamWriter
{
    /// <summary>Writes <c>&lt;?xml version="1.0"?&gt;</c> and the opening <c>&lt;stream:stream …&gt;</c> tag.</summary>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <param name="header">The attributes and namespaces of the header.</param>
    public static void WriteStreamHeader(IBufferWriter<byte> output, XmlStreamHeader header)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        XmlWriterChecks.CheckName(header.StreamPrefix, "stream prefix");
        XmlWriterChecks.CheckNamespace(header.DefaultNamespace);
        var extra = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> ns in header.Namespaces)
        {
            bool implicitXml = ns.Key == "xml" && ns.Value == XmlNamespaces.Xml;
            if (ns.Key.Length > 0 && ns.Key != header.StreamPrefix && !implicitXml)
            {
                XmlWriterChecks.CheckName(ns.Key, "namespace prefix");
                if (ns.Key is "xml" or "xmlns" || ns.Value.Length == 0)
                {
                    throw new ArgumentException($"The header cannot declare the prefix '{ns.Key}' as '{ns.Value}'.", nameof(header));
                }

                XmlWriterChecks.CheckNamespace(ns.Value);
                extra.Add(ns);
            }
        }

        (string Name, string? Value)[] attributes =
            [("from", header.From), ("to", header.To), ("id", header.Id), ("version", header.Version), ("lang", header.Language)];
        foreach ((string name, string? value) in attributes)
        {
            if (value is not null)
            {
                XmlWriterChecks.CheckChars(value, $"The header's '{name}'");
            }
        }

        var o = new Utf8Output(output);
        o.Write("<?xml version=\"1.0\"?><"u8);
        o.WriteName(header.StreamPrefix, "stream");
        if (header.DefaultNamespace.Length > 0)
        {
            o.WriteAttribute(null, "xmlns", header.DefaultNamespace);
        }

        o.WriteAttribute("xmlns", header.StreamPrefix, XmlNamespaces.Streams);
        foreach (KeyValuePair<string, string> ns in extra)
        {
            o.WriteAttribute("xmlns", ns.Key, ns.Value);
        }

        foreach ((string name, string? value) in attributes)
        {
            if (value is not null)
            {
                o.WriteAttribute(name == "lang" ? "xml" : null, name, value);
            }
        }

        o.Write((byte)'>');
        o.Commit();
    }

    /// <summary>Writes an element and its descendants.</summary>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <param name="element">The element; elements in the stream namespace are written with <paramref name="streamPrefix"/>.</param>
    /// <param name="defaultNamespace">The default namespace in scope (the stream's content namespace): an element in it gets no xmlns.</param>
    /// <param name="streamPrefix">The prefix the stream header bound to <see cref="XmlNamespaces.Streams"/>.</param>
    public static void WriteElement(IBufferWriter<byte> output, XmppElement element, string defaultNamespace = XmlNamespaces.Client, string streamPrefix = "stream")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(defaultNamespace);
        XmlWriterChecks.CheckName(streamPrefix, "stream prefix");
        TreeWriter writer = TreeWriter.Rent();
        writer.Check(element);
        var o = new Utf8Output(output);
        writer.Write(ref o, element, defaultNamespace, streamPrefix);
        o.Commit();
        TreeWriter.Return(writer);
    }

    /// <summary>Writes <c>&lt;/stream:stream&gt;</c>.</summary>
    /// <param name="output">Where the UTF-8 goes.</param>
    /// <param name="streamPrefix">The prefix the stream header used.</param>
    public static void WriteStreamEnd(IBufferWriter<byte> output, string streamPrefix = "stream")
    {
        ArgumentNullException.ThrowIfNull(output);
        XmlWriterChecks.CheckName(streamPrefix, "stream prefix");
        var o = new Utf8Output(output);
        o.Write("</"u8);
        o.WriteName(streamPrefix, "stream");
        o.Write((byte)'>');
        o.Commit();
    }
}
