using System.Text;
using System.Threading.Channels;

namespace Xmpp.Client.Samples.Tests;

/// <summary>A writer for a sample's output that tests can read, and await line by line.</summary>
internal sealed class Lines : TextWriter
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _all = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        lock (_all)
        {
            _all.AppendLine(value);
        }

        _lines.Writer.TryWrite(value ?? "");
    }

    public override void Write(char value) => throw new NotSupportedException("The samples write whole lines.");

    public override string ToString()
    {
        lock (_all)
        {
            return _all.ToString();
        }
    }

    /// <summary>The next line written, waiting for it at most <see cref="Testing.XmppTestPeer.DefaultTimeout"/>.</summary>
    public async Task<string> NextAsync()
    {
        using var limit = new CancellationTokenSource(Testing.XmppTestPeer.DefaultTimeout);
        return await _lines.Reader.ReadAsync(limit.Token);
    }
}
