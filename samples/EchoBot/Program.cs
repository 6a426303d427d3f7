// Placeholder until the client API lands (issue 5).
System.Console.Error.WriteLine("EchoBot: not available yet");
return 2;
