namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// The account's server offers no HTTP upload service (XEP-0363): neither its domain nor any of its disco items has the
/// identity <c>store</c>/<c>file</c> with the feature <c>urn:xmpp:http:upload:0</c>. Ask the server's administrator to
/// enable one (Prosody's <c>http_file_share</c>, ejabberd's <c>mod_http_upload</c>), or send the file another way.
/// </summary>
public sealed class HttpUploadServiceNotFoundException : HttpUploadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="domain">The domain asked.</param>
    public HttpUploadServiceNotFoundException(string domain)
        : base($"The server {domain} offers no HTTP upload service (XEP-0363: no disco item with identity store/file and feature {HttpUploadExtension.Namespace}); ask its administrator to enable one.")
    {
        Domain = domain;
    }

    /// <summary>The domain whose services were asked.</summary>
    public string Domain { get; }
}
