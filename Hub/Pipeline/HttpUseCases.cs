using Coordination.Hub.Auth;

namespace Coordination.Hub.Pipeline;

/// <summary>The REST adapter's one line: run a use case for the signed-in caller of this request.</summary>
public static class HttpUseCases
{
    public static Task<TResponse> RunAsync<TRequest, TResponse>(this HttpContext context, IUseCase<TRequest, TResponse> useCase, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<UseCasePipeline>()
            .RunAsync(useCase, Caller.From(context.User), request, context.RequestAborted);
    }
}
