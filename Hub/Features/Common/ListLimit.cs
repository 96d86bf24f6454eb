namespace Coordination.Hub.Features.Common;

/// <summary>How many rows a list answers: <see cref="Default"/> unless the caller asks for 1 to <see cref="Max"/>.</summary>
public static class ListLimit
{
    public const int Default = 200;

    public const int Max = 1000;
}
