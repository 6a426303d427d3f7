using System.Net;

namespace Xmpp.Client.Tests.Extensions.HttpUpload;

/// <summary>An HTTP handler that records the request with its body and answers with a fixed status.</summary>
internal sealed class FakeHttpHandler(HttpStatusCode status = HttpStatusCode.Created) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public List<byte[]> Bodies { get; } = [];

    /// <summary>Set to make the handler, once it has read the body, signal this and wait until the request is cancelled.</summary>
    public TaskCompletionSource? Stalled { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var body = new MemoryStream();
        if (request.Content is { } content)
        {
            await content.CopyToAsync(body, cancellationToken);
        }

        Bodies.Add(body.ToArray());
        if (Stalled is { } stalled)
        {
            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new HttpResponseMessage(status) { RequestMessage = request };
    }
}
