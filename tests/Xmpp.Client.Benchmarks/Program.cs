using BenchmarkDotNet.Running;
using Xmpp.Client.Benchmarks.EndToEnd;

// `e2e [--quick]`: network round trips against a local Prosody, side by side with slixmpp (see README.md);
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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
