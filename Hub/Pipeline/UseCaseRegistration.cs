using FluentValidation;

namespace Coordination.Hub.Pipeline;

/// <summary>Registers every use case and validator of the hub, found by type: a new use case file needs no line here.</summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var type in UseCaseTypes())
        {
            services.AddSingleton(type);
        }

        services.AddValidatorsFromAssemblyContaining<UseCasePipeline>(ServiceLifetime.Singleton);
        services.AddSingleton<UseCasePipeline>();
        return services;
    }

    /// <summary>The concrete types implementing <see cref="IUseCase{TRequest, TResponse}"/>.</summary>
    public static IEnumerable<Type> UseCaseTypes() => typeof(UseCasePipeline).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<,>)));
}
