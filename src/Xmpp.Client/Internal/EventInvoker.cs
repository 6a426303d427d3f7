using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Internal;

/// <summary>
/// Calls every handler of an event, one after another, awaiting each; a handler that throws (or whose task fails) is
/// logged and the others still run.
/// </summary>
internal static class EventInvoker
{
    public static async ValueTask InvokeAsync<TArgs>(Func<TArgs, Task>? handlers, TArgs args, ILogger logger, string name)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<TArgs, Task>>())
        {
            try
            {
                await handler(args).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(logger, name, error);
            }
        }
    }
}
