using System.Reflection;
using System.Runtime.Versioning;

namespace Xmpp.Client.UnitTestTargets;

/// <summary>
/// Compiled into every unit-test project by tests/UnitTestTargets.props: each build must run on the runtime of the
/// framework it targets, so the net8.0 run really tests .NET 8 and not .NET 10 rolled forward.
/// </summary>
public sealed class TargetRuntimeTests
{
    [Fact]
    public void The_tests_run_on_the_runtime_of_the_framework_they_were_built_for()
    {
        var target = typeof(TargetRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var version = new FrameworkName(target).Version;

        Assert.Equal(version.Major, Environment.Version.Major);
    }
}
