using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Finding the upload service by service discovery (XEP-0363 §3).</summary>
public sealed partial class HttpUploadExtension
{
    /// <summary>The most disco items of the domain asked whether they are an upload service.</summary>
    private const int MaxProbedItems = 32;

    private async Task<HttpUploadService?> DiscoverAsync()
    {
        var domain = Domain;
        var serverInfo = await _disco.GetServerInfoAsync(CancellationToken.None).ConfigureAwait(false);
        if (HttpUploadXml.IsUploadService(serverInfo))
        {
            return Found(domain, serverInfo);
        }

        var items = await _disco.GetItemsAsync(domain, node: null, CancellationToken.None).ConfigureAwait(false);
        var candidates = items.Where(item => item.Node is null && item.Jid != domain).Select(item => item.Jid).Distinct().Take(MaxProbedItems).ToList();
        var answers = await Task.WhenAll(candidates.Select(ProbeAsync)).ConfigureAwait(false);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (answers[i] is { } info && HttpUploadXml.IsUploadService(info))
            {
                return Found(candidates[i], info);
            }
        }

        HttpUploadLog.NoService(Context.Logger, domain.ToString());
        return null;
    }

    private async Task<DiscoInfo?> ProbeAsync(Jid item)
    {
        try
        {
            return await _disco.GetInfoAsync(item, node: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            HttpUploadLog.ProbeFailed(Context.Logger, item.ToString(), error.Error.ConditionName);
        }
        catch (XmppTimeoutException error)
        {
            HttpUploadLog.ProbeFailed(Context.Logger, item.ToString(), error.Message);
        }
        catch (XmppException error) when (error is not XmppConnectionLostException)
        {
            HttpUploadLog.ProbeFailed(Context.Logger, item.ToString(), error.Message);
        }

        return null;
    }

    private HttpUploadService Found(Jid jid, DiscoInfo info)
    {
        long? max = null;
        try
        {
            max = HttpUploadXml.MaxFileSize(info);
        }
        catch (FormatException error)
        {
            HttpUploadLog.UnreadableForm(Context.Logger, jid.ToString(), error.Message);
        }

        HttpUploadLog.ServiceFound(Context.Logger, jid.ToString(), max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none announced");
        return new HttpUploadService(jid, max);
    }
}
