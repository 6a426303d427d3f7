using System.ComponentModel;
using System.Globalization;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Converts between <see cref="Jid"/> and its string form, so that configuration binding (and anything else that uses
/// <see cref="TypeDescriptor"/>) can fill a <see cref="Jid"/> property from <c>"bot@example.com"</c>.
/// <see cref="Register"/> attaches it to <see cref="Jid"/>; the <c>AddXmppClient</c> methods call it.
/// </summary>
public sealed class JidTypeConverter : TypeConverter
{
    private static int _registered;

    /// <summary>Makes this the converter <see cref="TypeDescriptor.GetConverter(Type)"/> returns for <see cref="Jid"/>
    /// (once per process; further calls do nothing).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(Jid), new TypeConverterAttribute(typeof(JidTypeConverter)));
        }
    }

    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc/>
    /// <exception cref="FormatException">The text is empty or not a valid JID; the message says which part is wrong.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("A JID cannot be empty; write one such as 'bot@example.com'.");
        }

        return Jid.Parse(text.Trim());
    }

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is Jid jid ? jid.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
