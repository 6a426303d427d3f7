using SharpFuzz;
using Xmpp.Client.Fuzz;

// AFL++ (default): SharpFuzz's out-of-process runner, so a stack overflow is reported as a crash, not lost.
// --libfuzzer: for libfuzzer-dotnet. Any other arguments: files to run once (to reproduce a crash in a debugger).
if (args.Length > 0 && args[0] == "--libfuzzer")
{
    Fuzzer.LibFuzzer.Run(span => XmlStreamTarget.Run(span));
}
else if (args.Length > 0)
{
    foreach (string path in args)
    {
        XmlStreamTarget.Run(File.ReadAllBytes(path));
        Console.WriteLine($"{path}: ok");
    }
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        XmlStreamTarget.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
}
