// Placeholder until the client API lands (issue 5).
System.Console.Error.WriteLine("SendMessage: not available yet");
return 2;
