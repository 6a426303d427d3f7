using Xmpp.Client.Extensions.DataForms;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>
/// A CAPTCHA challenge in a registration form (XEP-0158): the field a person answers (such as <c>ocr</c>: the text in
/// an image, or <c>qa</c>: a question), what to show, and the data of images the server sent along (XEP-0231).
/// Answer it with <see cref="RegistrationForm.Set"/> on <see cref="Field"/>'s name.
/// </summary>
public sealed class RegistrationCaptcha
{
    internal RegistrationCaptcha(DataFormField field, IReadOnlyList<RegistrationMedia> media)
    {
        Field = field;
        Media = media;
    }

    /// <summary>The form field to fill: its <see cref="DataFormField.Var"/> says the kind of challenge (XEP-0158 §4),
    /// its <see cref="DataFormField.Label"/> the question or instruction.</summary>
    public DataFormField Field { get; }

    /// <summary>The kind of challenge, such as <c>ocr</c>, <c>qa</c> or <c>audio_recog</c>.</summary>
    public string Kind => Field.Var!;

    /// <summary>What to show or play (XEP-0221 media), in the server's order; empty for a text question.</summary>
    public IReadOnlyList<RegistrationMedia> Media { get; }
}

/// <summary>One item of CAPTCHA media: where it is and, when the server sent it in the form, its bytes.</summary>
/// <param name="Uri">The address: <c>cid:</c> for data in the form (XEP-0231), or http(s).</param>
/// <param name="MediaType">Its MIME type, such as <c>image/png</c>.</param>
/// <param name="Data">The bytes sent with the form for a <c>cid:</c> address, or <see langword="null"/> (fetch http(s) ones).</param>
public sealed record RegistrationMedia(Uri Uri, string? MediaType, ReadOnlyMemory<byte>? Data);
