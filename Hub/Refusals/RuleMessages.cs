using FluentValidation;

namespace Coordination.Hub.Refusals;

/// <summary>Attaches a catalogue message to a validation rule, chosen in the request's language when the rule fails.</summary>
public static class RuleMessages
{
    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Text message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.WithMessage(_ => message.ToString());
    }

    public static IRuleBuilderOptions<T, TProperty> Says<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<TProperty, Text> message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        return rule.WithMessage((_, value) => message(value).ToString());
    }
}
