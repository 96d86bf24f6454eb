using Microsoft.AspNetCore.OpenApi;

namespace Coordination.Hub.Startup;

/// <summary>
/// The OpenAPI document's <c>required</c> lists say which fields a request must carry. The generator lists every
/// constructor parameter without a default, but the hub's request records declare their fields nullable so that a
/// missing one reaches the validator and is named in the 400 rather than left unreadable: it listed the idempotency key
/// (<c>eventId</c>) and the version a change was made from (<c>expectedVersion</c>) as required, and a client generated
/// from it had to send them. A type the hub reads from a body lists what it refuses one without
/// (<see cref="RequiredRequestFields"/>), including a type it also answers with (a plan, a scenario, a routing rule),
/// which always carries every field. A type the hub only answers with keeps the generator's list: every one of its
/// fields is written, null included.
/// </summary>
public static class OpenApiRequiredFields
{
    /// <summary>Lists, for each type read from a request body, the fields the hub refuses a body without.</summary>
    public static OpenApiOptions DescribeRequiredFields(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddSchemaTransformer((schema, context, _) =>
        {
            if (RequiredRequestFields.ByType.TryGetValue(context.JsonTypeInfo.Type, out var required))
            {
                schema.Required = required.Length == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal);
            }

            return Task.CompletedTask;
        });
    }
}
