using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Coordination.Hub.Startup;

/// <summary>
/// Gives each type its own schema in the OpenAPI document. The generator names a schema by the type's short name, and
/// many requests and answers are records nested in their use case with the same short name (<c>RecordMeeting.Request</c>,
/// <c>ChangeRoutingRules.Request</c>; <c>Saved</c>, <c>Detail</c>...): they became one schema, with the shape of
/// whichever came first, and a client generated from the document sent and read the wrong one. A nested type is named
/// after the types it is declared in as well (<c>RecordMeetingRequest</c>), unless its own name already starts with
/// theirs (<c>RegisterUser.RegisterUserRequest</c> stays <c>RegisterUserRequest</c>); a top-level type keeps its name.
/// The name follows from the type alone, so it stays the same when another type is added.
/// </summary>
public static class OpenApiSchemaIds
{
    /// <summary>Names every schema of the document as above.</summary>
    public static OpenApiOptions NameSchemasByDeclaringType(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CreateSchemaReferenceId = Create;
        return options;
    }

    /// <summary>The schema's id: the generator's, after the names of the types <paramref name="info"/>'s type is nested in; null when it is inlined.</summary>
    private static string? Create(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(info) is not { } id)
        {
            return null;
        }

        // An optional field's type (Severity?) is the same schema as the type itself.
        for (var outer = (Nullable.GetUnderlyingType(info.Type) ?? info.Type).DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            var name = outer.Name.Split('`')[0];
            id = id.StartsWith(name, StringComparison.Ordinal) ? id : name + id;
        }

        return id;
    }
}
