namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>An HTTP upload service (XEP-0363) found by service discovery.</summary>
/// <param name="Jid">Its address, such as <c>upload.example.com</c>.</param>
/// <param name="MaxFileSize">The largest file it accepts, in bytes, as its disco answer announces (XEP-0128
/// <c>max-file-size</c>), or <see langword="null"/> when it announces no limit.</param>
public sealed record HttpUploadService(Jid Jid, long? MaxFileSize);
