using Microsoft.Extensions.Logging;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.ChatStates;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.EntityInfo;
using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Extensions.PresenceTracking;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private readonly List<XmppModule> _modules = [];

    /// <summary>The modules switched on, in the order their hooks run.</summary>
    internal IReadOnlyList<XmppModule> Modules => _modules;

    /// <summary>The client's logger, for the modules' own log messages and their event handlers' failures.</summary>
    internal ILogger Logger => _logger;

    /// <summary>Creates the modules <see cref="XmppClientOptions.Modules"/> asks for (one line per module).</summary>
    private void CreateModules()
    {
        _disco = AddModule(XmppModules.ServiceDiscovery, client => new DiscoModule(client));
        _info = AddModule(XmppModules.EntityInfo, client => new EntityInfoModule(client));
        _receipts = AddModule(XmppModules.Receipts, client => new ReceiptsModule(client));
        _chatStates = AddModule(XmppModules.ChatStates, client => new ChatStatesModule(client));
        _stanzaIds = AddModule(XmppModules.StanzaIds, client => new StanzaIdsModule(client));
        _roster = AddModule(XmppModules.Roster, client => new RosterModule(client));
        _blocking = AddModule(XmppModules.Blocking, client => new BlockingModule(client));
        _presence = AddModule(XmppModules.Presence, client => new PresenceModule(client));
    }

    private T? AddModule<T>(XmppModules flag, Func<XmppClient, T> create)
        where T : XmppModule
    {
        if (!Options.Modules.HasFlag(flag))
        {
            return null;
        }

        var module = create(this);
        _modules.Add(module);
        return module;
    }

    private static T RequireModule<T>(T? module, XmppModules flag)
        where T : XmppModule =>
        module ?? throw new InvalidOperationException(
            $"The {flag} module is switched off; add XmppModules.{flag} to XmppClientOptions.Modules to use it.");

    /// <summary>Lets the modules see a received stanza first; <see langword="true"/> when one consumed it.</summary>
    private async ValueTask<bool> ModulesConsumeAsync(Stanza stanza)
    {
        foreach (var module in _modules)
        {
            if (await module.OnReceivedAsync(stanza).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    private void ModulesPrepare(Stanza stanza)
    {
        foreach (var module in _modules)
        {
            module.OnSending(stanza);
        }
    }

    /// <summary>
    /// Tells the modules, on the event task, that a new session replaces the previous one (not resumed): called before
    /// the new session's read loop starts, so it runs after everything the old session received and before the new one's.
    /// </summary>
    private void ModulesNewSession() =>
        _events.Post(nameof(XmppModule.OnNewSession), () =>
        {
            foreach (var module in _modules)
            {
                module.OnNewSession();
            }

            return ValueTask.CompletedTask;
        });

    private async Task ModulesStartAsync(CancellationToken cancellationToken)
    {
        foreach (var module in _modules)
        {
            await module.OnSessionStartedAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
