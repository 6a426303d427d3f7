using BenchmarkDotNet.Running;
using Xmpp.Client.Benchmarks.EndToEnd;
using Xmpp.Client.Benchmarks.Xml;

// `e2e [--quick]`: network round trips against a local Prosody, side by side with slixmpp (see README.md);
// `xml-cpu [rounds] [case]`: the XML benchmarks timed by process CPU time (see README.md);
// anything else goes to BenchmarkDotNet.
if (args is ["e2e", .. var rest])
{
    return await EndToEndRunner.RunAsync(rest);
}

// `resume [rounds]`: the time from a cut connection to a resumed session against a local Prosody (see README.md).
if (args is ["resume", .. var resumeArgs])
{
    return await ResumeRunner.RunAsync(resumeArgs);
}

// `echo [--quick]`: the EchoBot sample's CPU time per message echoed, against a local Prosody (see README.md).
if (args is ["echo", .. var echoArgs])
{
    return await EchoBotRunner.RunAsync(echoArgs);
}

// `mam [messages] [rounds]`: reading an archive of 10,000 messages, Xmpp.Client beside slixmpp (see README.md).
if (args is ["mam", .. var mamArgs])
{
    return await MamRunner.RunAsync(mamArgs);
}

// `bot [messages] [warmup] [rounds]`: the EchoBot sample beside a slixmpp echo bot, flooded by a slixmpp client (see README.md).
if (args is ["bot", .. var botArgs])
{
    return await BotComparisonRunner.RunAsync(botArgs);
}

// `idle [connections] [concurrency]`: memory per logged-in idle connection and login cost, beside slixmpp (see README.md).
if (args is ["idle", .. var idleArgs])
{
    return await IdleRunner.RunAsync(idleArgs);
}

if (args is ["xml-cpu", .. var cpuArgs])
{
    return XmlCpuTimeRunner.Run(cpuArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
