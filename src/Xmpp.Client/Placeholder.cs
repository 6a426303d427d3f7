namespace Xmpp.Client;
