namespace Clinic.Api.Features.Documents;

/// <summary>
/// Where document bytes live, addressed by an opaque key the API chose. The file system is the default;
/// object storage (S3 and the like) can replace it without touching the endpoints.
/// </summary>
public interface IDocumentStorage
{
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored bytes as a stream, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes; a key with nothing stored under it is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
