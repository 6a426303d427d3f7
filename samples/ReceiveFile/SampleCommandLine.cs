// The command line of a sample, read with System.CommandLine. Every sample folder has this same file, so that a folder
// copied out of the repository builds on its own (tests/Xmpp.Client.Samples.Tests checks that the copies agree).
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Samples;

/// <summary>
/// A sample's own options and the connection options every sample takes: --jid, --password (or XMPP_PASSWORD),
/// --host, --port, --dns-server ip:port and --trust-cert file (both may be given more than once), --no-tls, --verbose.
/// A bad command line prints what is wrong and the usage on stderr and exits 2; --help prints the usage on stdout.
/// </summary>
internal sealed class SampleCommandLine
{
    /// <summary>The exit code of a bad command line.</summary>
    public const int BadUsage = 2;

    private readonly Option<string?> _jid = Value("--jid", "jid", "the account, such as bot@example.com");
    private readonly Option<string?> _password = Value("--password", "password", "its password (or set XMPP_PASSWORD)");
    private readonly Option<string?> _host = Value("--host", "host", "connect to this host instead of resolving the domain (DNS SRV)");
    private readonly Option<int?> _port = new("--port") { HelpName = "port", Description = "the port to use with --host (default 5222)" };
    private readonly Option<IPEndPoint[]> _dnsServers = new("--dns-server") { HelpName = "ip:port", Description = "the DNS server to ask for SRV and address records" };
    private readonly Option<X509Certificate2Collection> _trustCert = new("--trust-cert") { HelpName = "file", Description = "trust this PEM/CRT certificate (a private CA or self-signed server)" };
    private readonly Option<bool> _noTls = Switch("--no-tls", "no encryption: only for a test server on loopback");
    private readonly Option<bool> _verbose = Switch("--verbose", "log every stanza sent and received");
    private readonly RootCommand _command;
    private readonly string _synopsis;
    private ParseResult? _result;

    /// <param name="synopsis">The first line of the usage, such as "EchoBot --jid &lt;jid&gt; [options]".</param>
    /// <param name="description">What the sample does, in a line.</param>
    /// <param name="sampleOptions">The sample's own options, made with <see cref="Value"/> and <see cref="Switch"/>.</param>
    public SampleCommandLine(string synopsis, string description, params Option[] sampleOptions)
    {
        _synopsis = synopsis;
        _command = new RootCommand(description);
        // Only --help stays of the options System.CommandLine adds (not --version).
        _command.Options.Clear();
        _command.Options.Add(new HelpOption { Description = "print this usage" });
        foreach (var option in sampleOptions)
        {
            _command.Options.Add(option);
        }

        _password.DefaultValueFactory = _ => Environment.GetEnvironmentVariable("XMPP_PASSWORD");
        _port.Arity = ArgumentArity.ZeroOrMore;
        _port.CustomParser = ParsePort;
        _dnsServers.Arity = ArgumentArity.ZeroOrMore;
        _dnsServers.CustomParser = ParseDnsServers;
        _trustCert.Arity = ArgumentArity.ZeroOrMore;
        _trustCert.CustomParser = ReadCertificates;
        foreach (var option in new Option[] { _jid, _password, _host, _port, _dnsServers, _trustCert, _noTls, _verbose })
        {
            _command.Options.Add(option);
        }
    }

    /// <summary>The client options the connection options make; set by a successful <see cref="TryParse"/>.</summary>
    public XmppClientOptions Options { get; private set; } = null!;

    /// <summary>What --help and a bad command line print.</summary>
    public string Usage
    {
        get
        {
            var usage = new StringBuilder($"Usage: {_synopsis}\n  {_command.Description}");
            foreach (var option in _command.Options.Where(o => o is not HelpOption).Append(_command.Options.First(o => o is HelpOption)))
            {
                var flag = option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} <{option.HelpName}>";
                usage.Append($"\n  {flag,-24} {option.Description}");
            }

            return usage.ToString();
        }
    }

    /// <summary>An option with a value, such as --to &lt;jid&gt;: the last one counts when it is given twice.</summary>
    public static Option<string?> Value(string name, string valueName, string description) => new(name)
    {
        HelpName = valueName,
        Description = description,
        // Zero or more, and a parser of our own: "--to needs a value." rather than System.CommandLine's message.
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result => Last(result),
    };

    /// <summary>An option without a value, such as --verbose.</summary>
    public static Option<bool> Switch(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>
    /// Reads the command line. False when the sample is to exit now with <paramref name="exitCode"/>: 0 after --help,
    /// 2 after a bad command line (what is wrong and the usage are on stderr).
    /// </summary>
    public bool TryParse(string[] args, out int exitCode)
    {
        // No response files (@file) and no bundling of short options: every argument means what it says.
        var result = _command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });
        exitCode = 0;
        if (FirstProblem(result) is { } problem)
        {
            exitCode = Fail(problem);
            return false;
        }

        if (result.Action is HelpAction)
        {
            Console.WriteLine(Usage);
            return false;
        }

        _result = result;
        if (result.GetValue(_jid) is not { } jidText)
        {
            exitCode = Fail("--jid is required.");
            return false;
        }

        Jid jid;
        try
        {
            jid = Jid.Parse(jidText);
        }
        catch (FormatException invalid)
        {
            exitCode = Fail($"--jid: {invalid.Message}"); // says why, such as a character RFC 7622 forbids
            return false;
        }

        var password = result.GetValue(_password);
        if (password is null && jid.Local is not null)
        {
            exitCode = Fail("--password (or the XMPP_PASSWORD environment variable) is required.");
            return false;
        }

        var host = result.GetValue(_host);
        var port = result.GetValue(_port);
        if (port is not null && host is null)
        {
            exitCode = Fail("--port needs --host.");
            return false;
        }

        Options = new XmppClientOptions
        {
            Jid = jid,
            Password = password,
            Host = host,
            Port = port,
            DnsServers = result.GetValue(_dnsServers) is { Length: > 0 } dnsServers ? dnsServers : null,
            TrustedCertificates = result.GetValue(_trustCert) is { Count: > 0 } certificates ? certificates : null,
            TlsMode = result.GetValue(_noTls) ? TlsMode.Disabled : TlsMode.Required,
        };
        return true;
    }

    /// <summary>The value of one of the sample's own options; after a successful <see cref="TryParse"/>.</summary>
    public T? GetValue<T>(Option<T> option) =>
        (_result ?? throw new InvalidOperationException("TryParse first.")).GetValue(option);

    /// <summary>Prints what is wrong and the usage on stderr; returns the exit code of a bad command line.</summary>
    public int Fail(string problem)
    {
        Console.Error.WriteLine($"{problem}\n\n{Usage}");
        return BadUsage;
    }

    /// <summary>Logs go to stderr, so that stdout carries only what the sample prints; --verbose logs every stanza.</summary>
    public ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(logging =>
    {
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(_result?.GetValue(_verbose) == true ? LogLevel.Trace : LogLevel.Warning);
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    // The first problem in the order of the arguments: an option without its value or with a wrong one, or an
    // argument that is no option of this sample.
    private string? FirstProblem(ParseResult result)
    {
        var tokens = result.Tokens;
        var problems = new List<(int At, string Text)>();
        foreach (var error in result.Errors.Where(e => e.SymbolResult is OptionResult))
        {
            var flag = ((OptionResult)error.SymbolResult!).IdentifierToken;
            problems.Add((flag is null ? int.MaxValue : IndexOf(tokens, flag), error.Message));
        }

        // Given twice, an option has one result holding both values: its last flag without a value is found here.
        var withValue = _command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && withValue.Contains(tokens[i].Value)
                && (i + 1 == tokens.Count || tokens[i + 1].Type != TokenType.Argument))
            {
                problems.Add((i, $"{tokens[i].Value} needs a value."));
            }
        }

        var taken = _command.Options.Select(result.GetResult).OfType<OptionResult>().SelectMany(r => r.Tokens)
            .ToHashSet<Token>(ReferenceEqualityComparer.Instance);
        var unknown = tokens.Select((token, at) => (token, at)).FirstOrDefault(t => t.token.Type == TokenType.Argument && !taken.Contains(t.token));
        if (unknown.token is not null)
        {
            problems.Add((unknown.at, $"Unknown option {unknown.token.Value}."));
        }

        if (problems.Count == 0 && result.Errors.Count > 0)
        {
            problems.Add((0, result.Errors[0].Message));
        }

        return problems.Count == 0 ? null : problems.MinBy(p => p.At).Text;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string? Last(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{Name(result)} needs a value.");
            return null;
        }

        return result.Tokens[^1].Value;
    }

    private static int? ParsePort(ArgumentResult result) =>
        Last(result) is not { } text ? null
        : int.TryParse(text, out var port) && port is > 0 and < 65536 ? port
        : Error<int?>(result, $"--port: '{text}' is not a port number.");

    private static IPEndPoint[]? ParseDnsServers(ArgumentResult result)
    {
        if (Last(result) is null)
        {
            return null;
        }

        var servers = new List<IPEndPoint>();
        foreach (var token in result.Tokens)
        {
            if (!IPEndPoint.TryParse(token.Value, out var server))
            {
                return Error<IPEndPoint[]>(result, $"--dns-server: '{token.Value}' is not an ip:port.");
            }

            servers.Add(server.Port == 0 ? new IPEndPoint(server.Address, 53) : server);
        }

        return [.. servers];
    }

    private static X509Certificate2Collection? ReadCertificates(ArgumentResult result)
    {
        if (Last(result) is null)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        foreach (var token in result.Tokens)
        {
            if (!File.Exists(token.Value))
            {
                return Error<X509Certificate2Collection>(result, $"--trust-cert: no file '{token.Value}'.");
            }

            certificates.ImportFromPemFile(token.Value);
        }

        return certificates;
    }

    private static T? Error<T>(ArgumentResult result, string problem)
    {
        result.AddError(problem);
        return default;
    }

    private static string Name(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
