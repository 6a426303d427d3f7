using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucExtension
{
    private volatile Availability _availability = new(PresenceShow.None, null);

    /// <summary>The show and status of the account's last broadcast presence, which rooms are told too.</summary>
    internal (PresenceShow Show, string? Status) CurrentAvailability => (_availability.Show, _availability.Status);

    /// <summary>
    /// A broadcast presence reaches contacts, not rooms (XEP-0045 §7.7: the client tells each room itself): when the
    /// account's show or status changes, each joined room gets the same, in the background.
    /// </summary>
    private void OnOutgoing(Stanza stanza)
    {
        if (stanza is not Presence { To: null, Type: PresenceType.Available } presence)
        {
            return;
        }

        var now = new Availability(presence.Show, presence.Status);
        if (now == _availability)
        {
            return;
        }

        _availability = now;
        var joined = _rooms.Values.Where(room => room.IsJoined).ToList();
        if (joined.Count > 0)
        {
            Context.RunInBackground(async token =>
            {
                foreach (var room in joined)
                {
                    await room.SendAvailabilityAsync(token).ConfigureAwait(false);
                }
            });
        }
    }

    private sealed record Availability(PresenceShow Show, string? Status);
}
