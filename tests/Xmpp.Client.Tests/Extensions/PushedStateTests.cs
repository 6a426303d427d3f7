using System.Collections.Immutable;
using Xmpp.Client.Extensions.Common;

namespace Xmpp.Client.Tests.Extensions;

/// <summary>A server-kept list replaced by fetches and changed by pushes, applied in whichever order they run.</summary>
public class PushedStateTests
{
    [Fact]
    public void Pushes_applied_before_a_fetch_completes_are_replayed_over_its_result()
    {
        var state = new PushedState<ImmutableList<string>>([]);
        using var fetch = state.BeginFetch();
        state.Apply(list => list.Add("pushed"));

        var result = fetch.Complete(_ => ["fetched"]);

        Assert.Equal(["fetched", "pushed"], result);
        Assert.Same(result, state.Current);
    }

    [Fact]
    public void Pushes_before_the_fetch_began_are_not_replayed()
    {
        var state = new PushedState<ImmutableList<string>>([]);
        state.Apply(list => list.Add("old"));
        using var fetch = state.BeginFetch();

        Assert.Equal(["fetched"], fetch.Complete(_ => ["fetched"]));
    }

    [Fact]
    public void A_result_meaning_unchanged_keeps_the_current_snapshot()
    {
        var state = new PushedState<ImmutableList<string>>(["kept"]);
        using var fetch = state.BeginFetch();

        Assert.Equal(["kept"], fetch.Complete(current => current));
    }

    [Fact]
    public void An_abandoned_fetch_stops_recording_and_changes_nothing()
    {
        var state = new PushedState<ImmutableList<string>>([]);
        var fetch = state.BeginFetch();
        fetch.Dispose();
        state.Apply(list => list.Add("pushed"));

        Assert.Equal(["pushed"], state.Current);
    }

    [Fact]
    public void Apply_returns_the_snapshots_before_and_after()
    {
        var state = new PushedState<ImmutableList<string>>(["a"]);

        var (before, after) = state.Apply(list => list.Add("b"));

        Assert.Equal(["a"], before);
        Assert.Equal(["a", "b"], after);
    }
}
