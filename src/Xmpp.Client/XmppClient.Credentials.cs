namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private volatile string? _changedPassword;

    /// <summary>
    /// Makes every later authentication (the next <see cref="ConnectAsync"/> and each reconnection that cannot resume)
    /// use <paramref name="password"/> instead of <see cref="XmppClientOptions.Password"/>, which is left as it was:
    /// call it once the account's password has been changed, such as in-band with
    /// <c>client.Registration.ChangePasswordAsync</c>, which calls it itself. The current session is not affected.
    /// </summary>
    /// <param name="password">The account's new password.</param>
    /// <exception cref="ArgumentException">The password is null or empty.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public void UsePassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        ThrowIfDisposed();
        _changedPassword = password;
    }
}
