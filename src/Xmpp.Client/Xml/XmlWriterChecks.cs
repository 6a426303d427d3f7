namespace Xmpp.Client.Xml;

/// <summary>
/// What the writer checks before it writes a byte, so that invalid input is rejected without anything reaching the
/// connection: names are NCNames, characters are XML 1.0 characters with surrogates paired, and namespace
/// declarations are not passed as attributes.
/// </summary>
internal static class XmlWriterChecks
{
    /// <summary>Checks every name, namespace and character of a tree; <paramref name="pending"/> is an empty work stack.</summary>
    public static void CheckTree(XmppElement root, Stack<XmppElement> pending)
    {
        pending.Push(root);
        while (pending.Count > 0)
        {
            XmppElement element = pending.Pop();
            CheckName(element.Name, "element name");
            CheckNamespace(element.Namespace);
            foreach (XmppAttribute a in element.AttributeSpan)
            {
                CheckName(a.Name, "attribute name");
                if (a.Namespace == XmlNamespaces.Xmlns || (a.Namespace.Length == 0 && a.Name == "xmlns"))
                {
                    throw new ArgumentException(
                        $"<{element.Name}> has a namespace declaration as an attribute; set the element's namespace instead (the writer declares namespaces).",
                        nameof(root));
                }

                CheckNamespace(a.Namespace);
                ThrowIfInvalid(a.Value, "The value of attribute '", a.Name, "'");
            }

            foreach (XmppNode child in element.ChildSpan)
            {
                if (child is XmppText text)
                {
                    ThrowIfInvalid(text.Value, "Text in <", element.Name, ">");
                }
                else
                {
                    pending.Push((XmppElement)child);
                }
            }
        }
    }

    public static void CheckName(string name, string what)
    {
        if (!XmlChars.IsNCName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid XML {what} (an XML name without a colon).", nameof(name));
        }
    }

    public static void CheckNamespace(string ns)
    {
        if (ns == XmlNamespaces.Xmlns)
        {
            throw new ArgumentException($"No element or attribute can be in the namespace '{XmlNamespaces.Xmlns}'.", nameof(ns));
        }

        CheckChars(ns, "A namespace name");
    }

    /// <summary>Throws unless every character is allowed by XML 1.0 §2.2 and every surrogate is paired.</summary>
    /// <param name="value">The characters to check.</param>
    /// <param name="what">Names the value in the exception message.</param>
    public static void CheckChars(string value, string what) => ThrowIfInvalid(value, what, "", "");

    /// <summary>Like <see cref="CheckChars"/>; the message is <paramref name="what"/> + <paramref name="name"/> +
    /// <paramref name="after"/>, built only when it is needed.</summary>
    private static void ThrowIfInvalid(string value, string what, string name, string after)
    {
        int bad = IndexOfInvalid(value);
        if (bad >= 0)
        {
            char c = value[bad];
            string kind = char.IsSurrogate(c) ? "an unpaired surrogate" : "a character XML 1.0 does not allow";
            throw new ArgumentException($"{what}{name}{after} contains U+{(int)c:X4} at index {bad}, {kind}; it cannot be sent.", nameof(value));
        }
    }

    private static int IndexOfInvalid(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (true)
        {
            int k = s[i..].IndexOfAnyExceptInRange(' ', '\uD7FF');
            if (k < 0)
            {
                return -1;
            }

            i += k;
            char c = s[i];
            if (c is '\t' or '\n' or '\r' || c is >= '\uE000' and <= '\uFFFD')
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i += 2;
            }
            else
            {
                return i;
            }

            if (i == s.Length)
            {
                return -1;
            }
        }
    }
}
