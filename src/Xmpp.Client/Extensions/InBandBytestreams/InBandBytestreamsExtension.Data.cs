using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>Receiving data: blocks in IQs or messages, checked against their stream and held back while its buffer is full.</summary>
public sealed partial class InBandBytestreamsExtension
{
    private async Task<Iq> OnDataAsync(Iq request, CancellationToken cancellationToken)
    {
        var data = request.Payload!;
        var (stream, block, error) = Take(request.From, data);
        if (error is not null)
        {
            return request.CreateError(error);
        }

        var room = stream!.Receive(IbbXml.UShort(data, "seq")!.Value, block!, out var broken, out var condition);
        if (room is null)
        {
            Fail(stream, broken!);
            return request.CreateError(condition, broken);
        }

        if (!room.IsCompleted && !await WaitForRoomAsync(stream, room, cancellationToken).ConfigureAwait(false))
        {
            return request.CreateError(new StanzaError(StanzaErrorCondition.ResourceConstraint, "The reader stalled.", StanzaErrorType.Cancel));
        }

        return request.CreateResult();
    }

    private async ValueTask<bool> OnDataMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var data = message.GetPayload(IbbXml.Data)!;
        var (stream, block, error) = Take(message.From, data);
        if (error is not null)
        {
            return true;
        }

        var room = stream!.Receive(IbbXml.UShort(data, "seq")!.Value, block!, out var broken, out _);
        if (room is null)
        {
            Fail(stream, broken!);
            return true;
        }

        // Messages are not acknowledged: waiting here holds the event task, so reading from the server pauses (the
        // client's own back-pressure) until the reader makes room.
        if (!room.IsCompleted)
        {
            await WaitForRoomAsync(stream, room, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits until the reader made room; <see langword="false"/> (the stream broken) when it stalled.</summary>
    private async Task<bool> WaitForRoomAsync(InBandStream stream, Task room, CancellationToken cancellationToken)
    {
        try
        {
            await room.WaitAsync(Options.ReadStallTimeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            Fail(stream, $"its reader took nothing for {Options.ReadStallTimeout}");
            return false;
        }
    }

    /// <summary>Finds the stream a data packet belongs to and decodes it, or says why not.</summary>
    private (InBandStream? Stream, byte[]? Block, StanzaError? Error) Take(Jid? from, XElement data)
    {
        var sid = IbbXml.Sid(data);
        if (from is not { } sender || sid is null || IbbXml.UShort(data, "seq") is null)
        {
            return (null, null, new StanzaError(StanzaErrorCondition.BadRequest, "A <data/> needs a sid and a seq from 0 to 65535 (XEP-0047 §2.2)."));
        }

        if (!_streams.TryGetValue(new(sender, sid), out var stream))
        {
            IbbLog.UnknownStream(Context.Logger, sid, sender.ToString());
            return (null, null, new StanzaError(StanzaErrorCondition.ItemNotFound, "No such stream."));
        }

        var text = data.Value;
        if (text.Length > ((stream.BlockSize + 2) / 3 * 4) + 64)
        {
            Fail(stream, $"a data packet is larger than the agreed {stream.BlockSize} bytes");
            return (null, null, new StanzaError(StanzaErrorCondition.BadRequest, "The block is larger than the agreed block size."));
        }

        try
        {
            return (stream, Convert.FromBase64String(text), null);
        }
        catch (FormatException)
        {
            Fail(stream, "a data packet is not Base64");
            return (null, null, new StanzaError(StanzaErrorCondition.BadRequest, "The data is not Base64."));
        }
    }
}
