using System.Reflection;

namespace Xmpp.Client.Tests.Architecture;

/// <summary>
/// Readable names for the boundary report: <c>Namespace.Type.Member</c>, accessors named after their property or
/// event, and compiler-generated code (state machines, lambdas, local functions, closures) after the method it was
/// written in.
/// </summary>
internal static class Names
{
    /// <summary>A used member: <c>Namespace.Type.Member</c> (a type: <c>Namespace.Type</c>).</summary>
    internal static string Of(MemberInfo member) => member switch
    {
        Type type => OfType(type),
        { DeclaringType: { } owner } => $"{OfType(owner)}.{MemberName(member)}",
        _ => $"<Module>.{member.Name}",
    };

    /// <summary>The code that uses something: its type, then the method (or field) it was written in.</summary>
    internal static string OfSource(MemberInfo member)
    {
        var type = member as Type ?? member.DeclaringType!;
        string? label = member switch
        {
            Type => null,
            FieldInfo field when IsGenerated(type) => CachedDelegateLabel(field),
            _ when member.Name.StartsWith('<') => Clean(member.Name),
            MethodBase when IsGenerated(type) => null,
            _ => MemberName(member),
        };
        while (type.IsNested && IsGenerated(type))
        {
            label ??= Clean(type.Name) ?? AnyLambdaLabel(type);
            type = type.DeclaringType!;
        }

        if (member is Type && label is null)
        {
            return OfType(type);
        }

        return $"{OfType(type)}.{label ?? Clean(member.Name) ?? member.Name}";
    }

    internal static string OfType(Type type)
    {
        if (type.HasElementType)
        {
            string suffix = type.IsArray ? $"[{new string(',', type.GetArrayRank() - 1)}]" : type.IsByRef ? "&" : "*";
            return OfType(type.GetElementType()!) + suffix;
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0 && int.TryParse(name.AsSpan(tick + 1), out int count))
        {
            var arguments = type.GetGenericArguments();
            name = $"{name[..tick]}<{string.Join(", ", arguments.Skip(arguments.Length - count).Select(OfType))}>";
        }

        if (type.DeclaringType is { } outer)
        {
            return $"{OfType(outer)}.{name}";
        }

        return string.IsNullOrEmpty(type.Namespace) ? name : $"{type.Namespace}.{name}";
    }

    /// <summary>A member's name; a property's or event's accessor is named after the property or event.</summary>
    private static string MemberName(MemberInfo member)
    {
        if (member is not MethodInfo { IsSpecialName: true } method || method.DeclaringType is not { } owner)
        {
            return member.Name;
        }

        bool Same(MethodInfo? accessor) =>
            accessor is not null && accessor.MetadataToken == method.MetadataToken && accessor.Module == method.Module;

        var property = owner.GetProperties(ExtensionBoundary.Declared)
            .FirstOrDefault(candidate => Same(candidate.GetMethod) || Same(candidate.SetMethod));
        if (property is not null)
        {
            return property.Name;
        }

        var @event = owner.GetEvents(ExtensionBoundary.Declared)
            .FirstOrDefault(candidate => Same(candidate.AddMethod) || Same(candidate.RemoveMethod));
        return @event?.Name ?? member.Name;
    }

    private static bool IsGenerated(Type type) => type.Name.StartsWith('<');

    /// <summary>
    /// The cache of a lambda's delegate (<c>&lt;&gt;9__4_0</c> in <c>&lt;&gt;c</c>) is named after the lambda; that
    /// of a method group (<c>&lt;0&gt;__Parse</c> in <c>&lt;&gt;O</c>) after the method.
    /// </summary>
    private static string? CachedDelegateLabel(FieldInfo field)
    {
        if (field.Name.StartsWith("<>9__", StringComparison.Ordinal))
        {
            string suffix = "b__" + field.Name["<>9__".Length..];
            var lambda = field.DeclaringType!.GetMethods(ExtensionBoundary.Declared)
                .FirstOrDefault(method => method.Name.EndsWith(suffix, StringComparison.Ordinal));
            return lambda is null ? null : Clean(lambda.Name);
        }

        int close = field.Name.IndexOf(">__", StringComparison.Ordinal);
        return close > 0 && field.DeclaringType!.Name == "<>O" ? $"(delegate to {field.Name[(close + 3)..]})" : null;
    }

    /// <summary>A closure (<c>&lt;&gt;c__DisplayClass4_0</c>) is named after the method its lambdas are written in.</summary>
    private static string? AnyLambdaLabel(Type closure) =>
        closure.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal)
            ? closure.GetMethods(ExtensionBoundary.Declared).Select(method => method.Name)
                .Where(name => name.StartsWith('<')).Select(Clean).FirstOrDefault(label => label is not null)
            : null;

    /// <summary>
    /// The source name behind a compiler-generated one: <c>&lt;M&gt;d__4</c> (state machine of M) is "M",
    /// <c>&lt;M&gt;b__4_0</c> "M (lambda)", <c>&lt;M&gt;g__Local|4_0</c> "M.Local", <c>&lt;P&gt;k__BackingField</c> "P";
    /// <see langword="null"/> for names that say nothing (<c>&lt;&gt;c</c>, <c>&lt;&gt;c__DisplayClass4_0</c>).
    /// </summary>
    private static string? Clean(string name)
    {
        if (!name.StartsWith('<'))
        {
            return name;
        }

        int close = name.LastIndexOf('>');
        if (close < 2 || close + 1 >= name.Length || Clean(name[1..close]) is not { } inner)
        {
            return null;
        }

        string rest = name[(close + 2)..].TrimStart('_');
        return name[close + 1] switch
        {
            'b' => inner + " (lambda)",
            'd' or 'k' or '5' => inner,
            'g' => $"{inner}.{rest.Split('|')[0]}",
            _ => null,
        };
    }
}
