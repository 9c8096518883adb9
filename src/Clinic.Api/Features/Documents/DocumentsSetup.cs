using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Api.Features.Documents;

public static class DocumentsSetup
{
    /// <summary>File-system storage under DOCUMENTS_PATH, unless the host registered another <see cref="IDocumentStorage"/>.</summary>
    public static IServiceCollection AddClinicDocuments(this IServiceCollection services, ClinicApiOptions options)
    {
        services.TryAddSingleton<IDocumentStorage>(_ => new FileSystemDocumentStorage(options.DocumentsPath));
        return services;
    }
}
