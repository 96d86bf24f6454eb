using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordination.Hub.Startup;

/// <summary>
/// The OpenAPI document names each enum's values, as the JSON carries them. The contract's enum converter
/// (<c>ExactEnumNameConverter</c>) is not one the document generator knows, which would otherwise describe an enum
/// as any value at all.
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
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
            }

            return Task.CompletedTask;
        });
    }
}
