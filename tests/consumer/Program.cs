using Xmpp.Client;

// Uses the package's public surface and checks what it gets back; exits non-zero on any surprise.
var jid = Jid.Parse("Juliet@Example.COM/Balcony");
if (jid.ToString() != "juliet@example.com/Balcony" || jid.Bare.ToString() != "juliet@example.com")
{
    Console.Error.WriteLine($"unexpected JID: {jid}");
    return 1;
}

Console.WriteLine($"consumer OK: {jid} (Xmpp.Client {typeof(Jid).Assembly.GetName().Version})");
return 0;
