using System.Text;

namespace Xmpp.Client;

public sealed partial record XmppClientOptions
{
    /// <summary>
    /// What <see cref="ToString"/> prints: every option as the compiler would, except <see cref="Password"/>, which
    /// shows only whether one is set (the generated member would print it, and options end up in logs).
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Jid = ").Append(Jid);
        builder.Append(", Password = ").Append(Password is null ? "(none)" : "***");
        builder.Append(", Resource = ").Append(Resource);
        builder.Append(", Host = ").Append(Host);
        builder.Append(", Port = ").Append(Port);
        builder.Append(", DnsServers = ").Append(DnsServers);
        builder.Append(", ConnectionFactory = ").Append(ConnectionFactory);
        builder.Append(", TlsMode = ").Append(TlsMode);
        builder.Append(", CertificateValidation = ").Append(CertificateValidation);
        builder.Append(", TrustedCertificates = ").Append(TrustedCertificates);
        builder.Append(", SaslMechanisms = ").Append(SaslMechanisms);
        builder.Append(", ConnectTimeout = ").Append(ConnectTimeout);
        builder.Append(", NegotiationTimeout = ").Append(NegotiationTimeout);
        builder.Append(", MaxStanzaBytes = ").Append(MaxStanzaBytes);
        builder.Append(", IqTimeout = ").Append(IqTimeout);
        builder.Append(", MaxPendingIqs = ").Append(MaxPendingIqs);
        builder.Append(", MaxQueuedEvents = ").Append(MaxQueuedEvents);
        builder.Append(", MaxConcurrentEventHandlers = ").Append(MaxConcurrentEventHandlers);
        builder.Append(", MaxQueuedEventBytes = ").Append(MaxQueuedEventBytes);
        builder.Append(", Extensions = ").Append(Extensions);
        builder.Append(", AnswerPings = ").Append(AnswerPings);
        builder.Append(", LoggerFactory = ").Append(LoggerFactory);
        builder.Append(", MeterFactory = ").Append(MeterFactory);
        builder.Append(", StreamManagement = ").Append(StreamManagement);
        builder.Append(", AckRequestStanzas = ").Append(AckRequestStanzas);
        builder.Append(", AckRequestInterval = ").Append(AckRequestInterval);
        builder.Append(", MaxUnacknowledgedStanzas = ").Append(MaxUnacknowledgedStanzas);
        builder.Append(", AutoReconnect = ").Append(AutoReconnect);
        builder.Append(", ReconnectMinDelay = ").Append(ReconnectMinDelay);
        builder.Append(", ReconnectMaxDelay = ").Append(ReconnectMaxDelay);
        builder.Append(", MaxReconnectAttempts = ").Append(MaxReconnectAttempts);
        builder.Append(", QueueWhileReconnecting = ").Append(QueueWhileReconnecting);
        builder.Append(", KeepAliveInterval = ").Append(KeepAliveInterval);
        builder.Append(", PingInterval = ").Append(PingInterval);
        builder.Append(", PingTimeout = ").Append(PingTimeout);
        builder.Append(", SoftwareName = ").Append(SoftwareName);
        builder.Append(", SoftwareVersion = ").Append(SoftwareVersion);
        builder.Append(", AnnounceOperatingSystem = ").Append(AnnounceOperatingSystem);
        builder.Append(", ClientType = ").Append(ClientType);
        builder.Append(", CapsNode = ").Append(CapsNode);
        builder.Append(", MaxTrackedResources = ").Append(MaxTrackedResources);
        builder.Append(", MaxTrackedResourcesPerContact = ").Append(MaxTrackedResourcesPerContact);
        return true;
    }
}
