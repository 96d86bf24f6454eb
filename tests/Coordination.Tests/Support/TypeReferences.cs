using System.Reflection;
using System.Reflection.Emit;

namespace Coordination.Tests.Support;

/// <summary>
/// The types of one assembly that each of its types refers to: in its signatures (base type, interfaces, fields,
/// properties, parameters, return types, generic arguments) and in its method bodies (every type, method and field
/// token of the IL). Compiler-made types (lambdas' closures, async state machines) are nested in the type whose code
/// they hold, so their references count as that type's.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each (referring type, referred type) pair within <paramref name="assembly"/>, the referring type not its own referent.</summary>
    public static IEnumerable<(Type From, Type To)> Within(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            foreach (var referred in Of(type).SelectMany(Unwrap).Where(t => t.Assembly == assembly && t != type).Distinct())
            {
                yield return (type, referred);
            }
        }
    }

    private static IEnumerable<Type> Of(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo { ReturnType: var returned })
            {
                yield return returned;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in InBody(type, method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types the IL of <paramref name="method"/> names: its type tokens and the declaring types of the methods and fields it uses.</summary>
    private static IEnumerable<Type> InBody(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var opCode = OpCodesByValue[value];
            at += opCode.Size;
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    foreach (var used in Named(member))
                    {
                        yield return used;
                    }

                    break;
            }

            at += OperandSize(opCode, il, at);
        }
    }

    private static IEnumerable<Type> Named(MemberInfo? member)
    {
        switch (member)
        {
            case Type named:
                yield return named;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                yield return called.DeclaringType!;
                if (called is MethodInfo { ReturnType: var returned })
                {
                    yield return returned;
                }

                foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                {
                    yield return argument;
                }

                break;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>A type and what it is made of: an array's or reference's element type, a generic type's arguments.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Unwrap))
            : [type];
    }
}
