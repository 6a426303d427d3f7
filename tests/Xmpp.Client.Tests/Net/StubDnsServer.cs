using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Xmpp.Client.Tests.Net;

/// <summary>One resource record the stub answers with: its type and RDATA.</summary>
internal sealed record StubRecord(ushort Type, byte[] Data)
{
    public static StubRecord A(string address) => new(1, IPAddress.Parse(address).GetAddressBytes());

    public static StubRecord Aaaa(string address) => new(28, IPAddress.Parse(address).GetAddressBytes());

    public static StubRecord Srv(ushort priority, ushort weight, ushort port, string target)
    {
        byte[] data = [.. new byte[6], .. StubDnsServer.EncodeName(target)];
        BinaryPrimitives.WriteUInt16BigEndian(data, priority);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), weight);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(4), port);
        return new(33, data);
    }
}

/// <summary>What the stub answers to one question: a response code and records, or no answer at all.</summary>
internal sealed record StubAnswer(int ResponseCode, params StubRecord[] Records)
{
    public static StubAnswer NxDomain { get; } = new(3);

    public static StubAnswer ServFail { get; } = new(2);
}

/// <summary>
/// A minimal DNS server on a loopback UDP port, answering from a callback (question name without the trailing dot,
/// query type) to exercise DnsClient end to end. A null answer means "stay silent" (a dead server).
/// </summary>
internal sealed class StubDnsServer : IAsyncDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, ushort, StubAnswer?> _answer;
    private readonly Task _loop;

    public StubDnsServer(Func<string, ushort, StubAnswer?> answer)
    {
        _answer = answer;
        _loop = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public ConcurrentQueue<string> Questions { get; } = new();

    public static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (string label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult request = await _udp.ReceiveAsync(_stop.Token);
            byte[]? response = Respond(request.Buffer);
            if (response is not null)
            {
                await _udp.SendAsync(response, request.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Respond(byte[] query)
    {
        int offset = 12;
        var labels = new List<string>();
        while (query[offset] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query, offset + 1, query[offset]));
            offset += query[offset] + 1;
        }

        ushort type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset + 1));
        string name = string.Join('.', labels);
        Questions.Enqueue($"{type} {name}");
        StubAnswer? answer = _answer(name, type);
        if (answer is null)
        {
            return null;
        }

        var response = new List<byte>
        {
            query[0], query[1], 0x81, (byte)(0x80 | answer.ResponseCode), 0, 1, 0, (byte)answer.Records.Length, 0, 0, 0, 0,
        };
        response.AddRange(query.AsSpan(12, offset + 5 - 12).ToArray());
        foreach (StubRecord record in answer.Records)
        {
            response.AddRange([0xC0, 0x0C, (byte)(record.Type >> 8), (byte)record.Type, 0, 1, 0, 0, 0, 60]);
            response.AddRange([(byte)(record.Data.Length >> 8), (byte)record.Data.Length]);
            response.AddRange(record.Data);
        }

        return [.. response];
    }
}
