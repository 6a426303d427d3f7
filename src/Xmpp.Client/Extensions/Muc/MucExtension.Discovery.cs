using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucExtension
{
    /// <summary>
    /// Finds the account's server's chat services (XEP-0045 §6.1): the items of the server's disco#items whose
    /// disco#info shows a <c>conference/text</c> identity or the MUC feature. Items that do not answer are skipped.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The services' JIDs, such as <c>conference.example.org</c>.</returns>
    /// <exception cref="XmppIqErrorException">The server refused the items query.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlyList<Jid>> GetServicesAsync(CancellationToken cancellationToken = default)
    {
        var server = new Jid(null, (Client.BoundJid ?? Client.Options.Jid).Domain, null);
        var items = await _disco.GetItemsAsync(server, node: null, cancellationToken).ConfigureAwait(false);
        var checks = items.Where(item => item.Node is null).Select(item => IsServiceAsync(item.Jid, cancellationToken)).ToArray();
        var answers = await Task.WhenAll(checks).ConfigureAwait(false);
        return [.. answers.OfType<Jid>()];
    }

    /// <summary>Lists the public rooms of a chat service (XEP-0045 §6.3).</summary>
    /// <param name="service">The service's JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The rooms, with their names.</returns>
    /// <exception cref="XmppIqErrorException">The service refused.</exception>
    /// <exception cref="XmppTimeoutException">The service did not answer in time.</exception>
    public async Task<IReadOnlyList<DiscoItem>> GetRoomsAsync(Jid service, CancellationToken cancellationToken = default) =>
        await _disco.GetItemsAsync(service, node: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Asks a room about itself (XEP-0045 §6.4): whether it exists, its name and kind, and how many are in it.</summary>
    /// <param name="room">The room's bare JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What the room says.</returns>
    /// <exception cref="XmppIqErrorException">The room refused; <c>item-not-found</c> means it does not exist.</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public async Task<MucRoomInfo> GetRoomInfoAsync(Jid room, CancellationToken cancellationToken = default)
    {
        var info = await _disco.GetInfoAsync(room, node: null, cancellationToken).ConfigureAwait(false);
        var values = RoomInfoValues(info);
        int? occupants = int.TryParse(values.GetValueOrDefault("muc#roominfo_occupants"), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count : null;
        return new MucRoomInfo(room, info, values.GetValueOrDefault("muc#roominfo_description"), values.GetValueOrDefault("muc#roominfo_subject"), occupants);
    }

    private async Task<Jid?> IsServiceAsync(Jid jid, CancellationToken cancellationToken)
    {
        try
        {
            var info = await _disco.GetInfoAsync(jid, node: null, cancellationToken).ConfigureAwait(false);
            return info.HasIdentity("conference", "text") || info.HasFeature(MucNamespaces.Muc) ? jid : null;
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The first value of each field of the muc#roominfo form (XEP-0045 §15.5.4), if the room sent one.</summary>
    private static Dictionary<string, string> RoomInfoValues(DiscoInfo info)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        XNamespace data = MucNamespaces.DataForms;
        foreach (var form in info.Forms)
        {
            var fields = form.Elements(data + "field").ToList();
            if (!fields.Any(field => (string?)field.Attribute("var") == "FORM_TYPE" && field.Element(data + "value")?.Value == MucNamespaces.Muc + "#roominfo"))
            {
                continue;
            }

            foreach (var field in fields)
            {
                if ((string?)field.Attribute("var") is { } name && field.Element(data + "value")?.Value is { Length: > 0 } value)
                {
                    values.TryAdd(name, value);
                }
            }
        }

        return values;
    }
}
