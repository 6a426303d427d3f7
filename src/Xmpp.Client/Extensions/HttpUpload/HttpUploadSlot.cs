namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// A slot granted by the upload service (XEP-0363 §4): where to PUT the file, with which headers, and where it can be
/// fetched afterwards. The extension checks a received slot before handing it out (see
/// <see cref="HttpUploadExtension.RequestSlotAsync"/>).
/// </summary>
/// <param name="PutUrl">Where to PUT the file.</param>
/// <param name="GetUrl">Where the file can be fetched once it is uploaded; share this one.</param>
/// <param name="PutHeaders">The headers to send with the PUT: only <c>Authorization</c>, <c>Cookie</c> and
/// <c>Expires</c>, with line breaks removed.</param>
public sealed record HttpUploadSlot(Uri PutUrl, Uri GetUrl, IReadOnlyList<KeyValuePair<string, string>> PutHeaders);
