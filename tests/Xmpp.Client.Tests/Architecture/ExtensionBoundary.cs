using System.Reflection;

namespace Xmpp.Client.Tests.Architecture;

/// <summary>
/// The rule the built-in extensions keep: code in an <c>Xmpp.Client.Extensions.*</c> sub-namespace uses of the
/// library only what any other assembly could use (public or protected members of visible types) and the extensions'
/// own internals.
/// </summary>
internal static class ExtensionBoundary
{
    internal const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private const string ExtensionsPrefix = "Xmpp.Client.Extensions.";

    /// <summary>What <see cref="Scan"/> found.</summary>
    /// <param name="Violations">Distinct, sorted: "&lt;extension member&gt; uses &lt;library member&gt;".</param>
    /// <param name="Failures">IL the scanner could not read or tokens it could not resolve.</param>
    /// <param name="Methods">How many methods and constructors of extension code were scanned.</param>
    /// <param name="References">How many member references their IL holds.</param>
    internal sealed record Report(IReadOnlyList<string> Violations, IReadOnlyList<string> Failures, int Methods,
        int References);

    /// <summary>True for the types (nested and compiler-generated ones included) of the built-in extensions.</summary>
    internal static bool IsExtensionCode(Type type) =>
        Outermost(type).Namespace?.StartsWith(ExtensionsPrefix, StringComparison.Ordinal) == true;

    /// <summary>Checks every type of extension code in <paramref name="library"/>.</summary>
    internal static Report Scan(Assembly library)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        int methods = 0;
        int references = 0;
        foreach (var type in library.GetTypes().Where(IsExtensionCode))
        {
            string self = Names.OfSource(type);
            Check(self + " (base type)", type.BaseType);
            foreach (var implemented in type.GetInterfaces())
            {
                Check(self + " (interface)", implemented);
            }

            if (type.IsGenericTypeDefinition)
            {
                ReportConstraints(Names.OfSource(type), type.GetGenericArguments());
            }

            foreach (var field in type.GetFields(Declared))
            {
                Check(Names.OfSource(field), field.FieldType);
            }

            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                methods++;
                string source = Names.OfSource(method);
                var scan = IlMemberReferences.Of(method);
                references += scan.Members.Count;
                failures.AddRange(scan.Failures);
                foreach (var member in scan.Members)
                {
                    Check(source, member);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Check(source, parameter.ParameterType);
                }

                if (method is MethodInfo info)
                {
                    Check(source, info.ReturnType);
                    if (info.IsGenericMethodDefinition)
                    {
                        ReportConstraints(source, info.GetGenericArguments());
                    }

                    // Overriding an internal virtual member is using it, though no IL mentions it.
                    if (info.IsVirtual && info.GetBaseDefinition() is var overridden && overridden.DeclaringType != type)
                    {
                        Check(source, overridden);
                    }
                }

                ReportBody(source, method);
            }
        }

        return new([.. violations], failures, methods, references);

        void Check(string source, MemberInfo? used)
        {
            if (used is null)
            {
                return;
            }

            foreach (var forbidden in ForbiddenParts(used, library))
            {
                violations.Add($"{source} uses {Names.Of(forbidden)}");
            }
        }

        void ReportConstraints(string source, Type[] parameters)
        {
            foreach (var constraint in parameters.SelectMany(parameter => parameter.GetGenericParameterConstraints()))
            {
                Check(source, constraint);
            }
        }

        void ReportBody(string source, MethodBase method)
        {
            var body = method.GetMethodBody();
            foreach (var local in body?.LocalVariables ?? [])
            {
                Check(source, local.LocalType);
            }

            foreach (var clause in body?.ExceptionHandlingClauses ?? [])
            {
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
                {
                    Check(source, clause.CatchType);
                }
            }
        }
    }

    /// <summary>
    /// The parts of <paramref name="member"/> extension code may not use: the member itself (as its generic
    /// definition) when it is neither visible outside the library nor the extensions' own, and any such type among
    /// its generic arguments, array elements and so on.
    /// </summary>
    internal static IEnumerable<MemberInfo> ForbiddenParts(MemberInfo member, Assembly library)
    {
        if (member is Type type)
        {
            return ForbiddenTypes(type, library);
        }

        var parts = new List<MemberInfo>();
        if (member.DeclaringType is { } owner)
        {
            parts.AddRange(ForbiddenTypes(owner, library).Where(part => part != Definition(owner)));
        }

        if (member is MethodInfo { IsGenericMethod: true } generic)
        {
            parts.AddRange(generic.GetGenericArguments().SelectMany(argument => ForbiddenTypes(argument, library)));
        }

        var definition = Definition(member);
        if (definition.Module.Assembly == library && !IsOwnOrInfrastructure(definition.DeclaringType)
            && !(IsVisible(definition.DeclaringType) && IsVisibleMember(definition)))
        {
            parts.Insert(0, definition);
        }

        return parts;
    }

    private static List<Type> ForbiddenTypes(Type type, Assembly library)
    {
        var found = new List<Type>();
        if (type.HasElementType)
        {
            found.AddRange(ForbiddenTypes(type.GetElementType()!, library));
            return found;
        }

        if (type.IsGenericParameter || type.IsFunctionPointer)
        {
            return found;
        }

        if (type.IsConstructedGenericType)
        {
            found.AddRange(type.GetGenericArguments().SelectMany(argument => ForbiddenTypes(argument, library)));
            type = type.GetGenericTypeDefinition();
        }

        if (type.Assembly == library && !IsOwnOrInfrastructure(type) && !IsVisible(type))
        {
            found.Insert(0, type);
        }

        return found;
    }

    /// <summary>The member as declared: on the generic type definition, and the generic method definition.</summary>
    internal static MemberInfo Definition(MemberInfo member)
    {
        if (member is Type type)
        {
            return type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        }

        if (member is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } method)
        {
            member = method.GetGenericMethodDefinition();
        }

        return member.DeclaringType is { IsConstructedGenericType: true }
            ? member.Module.ResolveMember(member.MetadataToken) ?? member
            : member;
    }

    internal static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>
    /// The extensions' own types, and what the compiler adds to the assembly for any code (the global
    /// <c>&lt;PrivateImplementationDetails&gt;</c> of array initialisers and string switches, the inline arrays and
    /// read-only lists of collection expressions, and embedded attributes).
    /// </summary>
    private static bool IsOwnOrInfrastructure(Type? type)
    {
        if (type is null)
        {
            return false;
        }

        var outermost = Outermost(type);
        return IsExtensionCode(outermost)
            || (string.IsNullOrEmpty(outermost.Namespace) && outermost.Name.StartsWith('<'))
            || outermost.GetCustomAttributesData().Any(attribute =>
                attribute.AttributeType.FullName == "Microsoft.CodeAnalysis.EmbeddedAttribute");
    }

    /// <summary>Visible outside the assembly: public, or a public or protected type nested in a visible one.</summary>
    private static bool IsVisible(Type? type) => type switch
    {
        null => false,
        { IsNested: true } => (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem)
            && IsVisible(type.DeclaringType),
        _ => type.IsPublic,
    };

    private static bool IsVisibleMember(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        _ => true,
    };
}
