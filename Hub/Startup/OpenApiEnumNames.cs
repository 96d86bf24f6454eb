using System.Reflection;
using System.Text.Json.Nodes;
using Coordination.Hub.Features.Common;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordination.Hub.Startup;

/// <summary>
/// The OpenAPI document names each enum's values, as the JSON carries them. The contract's enum converter
/// (<c>ExactEnumNameConverter</c>) is not one the document generator knows, which would otherwise describe an enum
/// as any value at all. A query filter read as text and checked against an enum's names (<see cref="NamesOfAttribute"/>)
/// lists those names too.
/// </summary>
public static class OpenApiEnumNames
{
    public static OpenApiOptions DescribeEnumsByName(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddSchemaTransformer((schema, context, _) =>
        {
            // An optional field's enum (Severity?) is described once, as the enum, and referred to as "null or that".
            if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) is { IsEnum: true } type)
            {
                ByName(schema, type);
            }

            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            foreach (var description in context.Description.ParameterDescriptions)
            {
                if (description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var info }
                    && info.GetCustomAttribute<NamesOfAttribute>() is { } names
                    && operation.Parameters?.FirstOrDefault(p => p.Name == description.Name)?.Schema is OpenApiSchema schema)
                {
                    ByName(schema, names.EnumType);
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Describes <paramref name="schema"/> as text taking exactly the names of <paramref name="enumType"/>.</summary>
    private static void ByName(OpenApiSchema schema, Type enumType)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. Enum.GetNames(enumType).Select(name => (JsonNode)JsonValue.Create(name))];
    }
}
