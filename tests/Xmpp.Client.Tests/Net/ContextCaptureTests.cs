using System.Net;
using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Net;

/// <summary>
/// Library awaits must not come back on the caller's context: a UI app that blocks on a call would deadlock.
/// </summary>
public class ContextCaptureTests
{
    [Fact]
    public async Task Endpoint_resolution_never_resumes_on_the_callers_synchronization_context()
    {
        var dns = new FakeDns()
            .Srv("_xmpps-client._tcp.example.com", new SrvRecord(10, 0, 5223, "tls.example.com"))
            .Srv("_xmpp-client._tcp.example.com", new SrvRecord(10, 0, 5222, "xmpp.example.com"))
            .Host("tls.example.com", "192.0.2.1")
            .Host("xmpp.example.com", "192.0.2.2");
        var resolver = new EndpointResolver(new LateDns(dns), new ListLogger(), new Random(1));
        var context = new CountingContext();

        Task<List<XmppEndpoint>> resolving;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            resolving = CollectAsync(resolver);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        List<XmppEndpoint> endpoints = await resolving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, endpoints.Count);
        Assert.Equal(0, context.Posts);
    }

    private static async Task<List<XmppEndpoint>> CollectAsync(EndpointResolver resolver)
    {
        var endpoints = new List<XmppEndpoint>();
        await foreach (XmppEndpoint endpoint in resolver.ResolveAsync("example.com", allowDirectTls: true).ConfigureAwait(false))
        {
            endpoints.Add(endpoint);
        }

        return endpoints;
    }

    /// <summary>Answers like <see cref="FakeDns"/>, but only after a real asynchronous wait.</summary>
    private sealed class LateDns(IDnsResolver inner) : IDnsResolver
    {
        public async Task<DnsLookupResult<SrvRecord>> LookupSrvAsync(string name, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return await inner.LookupSrvAsync(name, cancellationToken).ConfigureAwait(false);
        }

        public async Task<DnsLookupResult<IPAddress>> LookupAddressesAsync(string host, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return await inner.LookupAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
