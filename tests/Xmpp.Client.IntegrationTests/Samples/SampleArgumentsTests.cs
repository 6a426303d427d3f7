namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>The samples' answer to bad command lines: what is wrong, the usage, exit code 2, and no connection.</summary>
public sealed class SampleArgumentsTests
{
    public static TheoryData<string, string[], string> BadCommandLines => new()
    {
        { "EchoBot", [], "--jid is required." },
        { "EchoBot", ["--jid", "bot@example.com", "--bogus", "1"], "Unknown option --bogus." },
        { "EchoBot", ["--jid", "bot@@example.com"], "--jid: \"bot@@example.com\" is not a valid JID: " },
        { "EchoBot", ["--jid", "bot@example.com", "--host", "127.0.0.1", "--port", "70000"], "--port: '70000' is not a port number." },
        { "EchoBot", ["--jid", "bot@example.com", "--port", "5222"], "--port needs --host." },
        { "EchoBot", ["--jid", "bot@example.com", "--trust-cert", "/nonexistent/ca.pem"], "--trust-cert: no file '/nonexistent/ca.pem'." },
        { "EchoBot", ["--jid"], "--jid needs a value." },
        { "SendMessage", ["--jid", "me@example.com", "--body", "hi"], "--to <jid> is required and must be a valid JID." },
        { "SendMessage", ["--jid", "me@example.com", "--to", "bot@example.com"], "--body <text> is required." },
        { "SendMessage", ["--jid", "me@example.com", "--to", "bot@example.com", "--body", "hi", "--wait-reply", "-1"], "--wait-reply: '-1' is not a positive number of seconds." },
        { "RoomBot", ["--jid", "bot@example.com", "--nick", "bot"], "--room <room-jid> is required and must be a room's bare JID (room@service)." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@@conference.example.com", "--nick", "bot"], "--room <room-jid> is required and must be a room's bare JID (room@service)." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@conference.example.com/bot", "--nick", "bot"], "--room <room-jid> is required and must be a room's bare JID (room@service)." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "conference.example.com", "--nick", "bot"], "--room <room-jid> is required and must be a room's bare JID (room@service)." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@conference.example.com"], "--nick <nick> is required and must be a valid nickname." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@conference.example.com", "--nick", ""], "--nick <nick> is required and must be a valid nickname." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@conference.example.com", "--nick", "bad\u0007nick"], "--nick <nick> is required and must be a valid nickname." },
        { "RoomBot", ["--jid", "bot@example.com", "--room", "room@conference.example.com", "--nick"], "--nick needs a value." },
        { "RoomBot", ["--room", "room@conference.example.com", "--nick", "bot"], "--jid is required." },
        { "History", ["--jid", "me@example.com"], "--with <jid> is required and must be a valid JID." },
        { "History", ["--jid", "me@example.com", "--with", "bob@@example.com"], "--with <jid> is required and must be a valid JID." },
        { "History", ["--jid", "me@example.com", "--with", "bob@example.com", "--max", "0"], "--max: '0' is not a positive whole number." },
        { "History", ["--jid", "me@example.com", "--with", "bob@example.com", "--max", "many"], "--max: 'many' is not a positive whole number." },
        { "History", ["--jid", "me@example.com", "--with", "bob@example.com", "--max"], "--max needs a value." },
        { "History", ["--with", "bob@example.com"], "--jid is required." },
        { "Register", ["--jid", "example.com"], "--jid must name the new account, such as newbot@example.com." },
        { "Register", ["--jid", "new@example.com", "--to", "x"], "Unknown option --to." },
        { "Register", [], "--jid is required." },
        { "SendFile", ["--jid", "me@example.com", "--to", "bob@example.com", "--file", "/etc/passwd", "--direct"], "--direct needs --to to be a full JID (one client of the contact, such as bob@example.com/laptop)." },
        { "ReceiveFile", ["--jid", "me@example.com"], "--dir <folder> is required." },
        { "ReceiveFile", ["--jid", "me@example.com", "--dir", "/nonexistent/folder"], "--dir: no folder '/nonexistent/folder'." },
        { "ReceiveFile", ["--jid", "me@example.com", "--dir", "/tmp", "--count", "0"], "--count: '0' is not a positive whole number." },
        { "SendFile", ["--jid", "me@example.com", "--file", "/etc/hostname"], "--to <jid> is required and must be a valid JID." },
        { "SendFile", ["--jid", "me@example.com", "--to", "bob@example.com"], "--file <path> is required." },
        { "SendFile", ["--jid", "me@example.com", "--to", "bob@example.com", "--file", "/nonexistent/file.bin"], "--file: no file '/nonexistent/file.bin'." },
        { "SendFile", ["--jid", "me@example.com", "--to", "bob@example.com", "--file", "/etc/hostname", "--bogus", "1"], "Unknown option --bogus." },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task A_bad_command_line_prints_the_problem_and_the_usage_and_exits_2(string sample, string[] arguments, string problem)
    {
        await using var process = Sample.Start(sample, arguments, password: "unused-pass");
        Assert.True(await process.WaitForExitAsync(SampleProcessTests.RunTimeout) == 2, process.Describe());
        Assert.Empty(process.Lines);
        Assert.StartsWith(problem, process.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Usage: {sample} --jid <jid>", process.StandardError, StringComparison.Ordinal);
        Assert.Contains("--trust-cert <file>", process.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_password_is_a_bad_command_line()
    {
        await using var process = Sample.Start("EchoBot", ["--jid", "bot@example.com"], password: null);
        Assert.True(await process.WaitForExitAsync(SampleProcessTests.RunTimeout) == 2, process.Describe());
        Assert.StartsWith("--password (or the XMPP_PASSWORD environment variable) is required.", process.StandardError, StringComparison.Ordinal);
    }
}
