using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;

namespace Xmpp.Client.Tests.Architecture;

/// <summary>
/// Lists the members (types, methods, constructors, fields) a method's IL refers to by token: calls, field accesses,
/// <c>newobj</c>, <c>ldftn</c>, <c>ldtoken</c>, casts, <c>box</c>, <c>constrained.</c> …. What the IL cannot show
/// (constants and enum values, inlined at compile time) is not listed.
/// </summary>
internal static class IlMemberReferences
{
    private static readonly (OpCode?[] OneByte, OpCode?[] TwoByte) OpCodeTable = BuildOpCodeTable();

    /// <summary>What <see cref="Of"/> found: the referenced members, and every token it could not resolve.</summary>
    internal sealed record Result(IReadOnlyList<MemberInfo> Members, IReadOnlyList<string> Failures);

    /// <summary>The members the IL of <paramref name="method"/> refers to, in IL order (with repeats).</summary>
    internal static Result Of(MethodBase method)
    {
        var members = new List<MemberInfo>();
        var failures = new List<string>();
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException or TypeLoadException)
        {
            failures.Add($"{Describe(method)}: cannot read the IL ({e.GetType().Name}: {e.Message})");
            return new(members, failures);
        }

        if (il is null)
        {
            return new(members, failures);
        }

        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
        Type[]? methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        int position = 0;
        while (position < il.Length)
        {
            int offset = position;
            bool twoByte = il[position] == 0xFE;
            if (twoByte && position + 1 >= il.Length)
            {
                failures.Add($"{Describe(method)}: IL ends inside an opcode at IL_{offset:x4}");
                break;
            }

            OpCode? opCode = twoByte ? OpCodeTable.TwoByte[il[position + 1]] : OpCodeTable.OneByte[il[position]];
            position += twoByte ? 2 : 1;
            if (opCode is not { } code)
            {
                failures.Add($"{Describe(method)}: unknown opcode at IL_{offset:x4}; the rest of the method is not read");
                break;
            }

            int size = OperandSize(code.OperandType, il, position);
            if (size < 0 || position + size > il.Length)
            {
                failures.Add($"{Describe(method)}: cannot read the operand of {code.Name} at IL_{offset:x4}");
                break;
            }

            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType
                or OperandType.InlineTok)
            {
                int token = BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(position, 4));
                try
                {
                    if (method.Module.ResolveMember(token, typeArguments, methodArguments) is { } member)
                    {
                        members.Add(member);
                    }
                }
                catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException
                    or MissingMemberException or FileNotFoundException or FileLoadException)
                {
                    failures.Add($"{Describe(method)}: {code.Name} at IL_{offset:x4}: token 0x{token:x8} does not resolve ({e.GetType().Name}: {e.Message})");
                }
            }

            position += size;
        }

        return new(members, failures);
    }

    /// <summary>The size in bytes of an operand starting at <paramref name="position"/>; -1 when unknown.</summary>
    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineBrTarget or OperandType.InlineField or OperandType.InlineI or OperandType.InlineMethod
            or OperandType.InlineSig or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType
            or OperandType.ShortInlineR => 4,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch when position + 4 <= il.Length =>
            4 + (4 * BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(position, 4))),
        _ => -1,
    };

    /// <summary>Every opcode of <see cref="OpCodes"/>, by its byte (one-byte) or second byte (0xFE-prefixed).</summary>
    private static (OpCode?[] OneByte, OpCode?[] TwoByte) BuildOpCodeTable()
    {
        var oneByte = new OpCode?[256];
        var twoByte = new OpCode?[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code)
            {
                continue;
            }

            ushort value = unchecked((ushort)code.Value);
            if (code.Size == 2)
            {
                twoByte[value & 0xFF] = code;
            }
            else if (code.Size == 1)
            {
                oneByte[value & 0xFF] = code;
            }
        }

        return (oneByte, twoByte);
    }

    private static string Describe(MethodBase method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
