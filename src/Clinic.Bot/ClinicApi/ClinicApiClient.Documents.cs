using Clinic.Contracts;
using Polly;

namespace Clinic.Bot.ClinicApi;

/// <summary>A downloaded document: its bytes, the API's file name and content type.</summary>
public sealed record DocumentFile(byte[] Content, string FileName, string ContentType);

public sealed partial class ClinicApiClient
{
    // Documents

    /// <summary>The patient's documents, newest first.</summary>
    public Task<ApiResult<DocumentListResponse>> GetMyDocuments(long telegramId, CancellationToken ct = default) =>
        Get<DocumentListResponse>(Query(Routes.Documents, ("telegram_id", Id(telegramId))), ct);

    /// <summary>The patient's visits that can back a certificate of <paramref name="kind"/>, latest first.</summary>
    public Task<ApiResult<AppointmentListResponse>> GetCertificateVisits(long telegramId, DocumentKind kind, CancellationToken ct = default) =>
        Get<AppointmentListResponse>(Query(Routes.DocumentVisits, ("telegram_id", Id(telegramId)), ("kind", KindName(kind))), ct);

    /// <summary>
    /// How long printing a certificate may take: a PDF is heavier than a lookup, and the first one after the API starts
    /// also loads the fonts and the layout engine; the whole call stays within <see cref="ClinicApiResilience.TotalTimeout"/>.
    /// </summary>
    public static readonly TimeSpan PrintAttemptTimeout = TimeSpan.FromSeconds(9);

    /// <summary>Prints a certificate; sent once (not retried), a lost answer at worst leaves an extra copy in the list.</summary>
    public Task<ApiResult<DocumentDto>> GenerateDocument(GenerateDocumentRequest request, CancellationToken ct = default) =>
        Send<DocumentDto>(HttpMethod.Post, Routes.DocumentsGenerate, request, idempotencyKey: null, ct, PrintAttemptTimeout);

    /// <summary>The file of one of the patient's documents; another patient's document is a 404 <c>not_found</c>.</summary>
    public async Task<ApiResult<DocumentFile>> DownloadDocument(long id, long telegramId, CancellationToken ct = default)
    {
        var path = Query(Routes.DocumentDownload(id), ("telegram_id", Id(telegramId)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var status = (int)response.StatusCode;
            var content = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
                return ReadError<DocumentFile>(request, content, status, response.ReasonPhrase);
            var headers = response.Content.Headers;
            var name = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"') ?? $"document-{id}";
            return ApiResult<DocumentFile>.Success(new DocumentFile(content, name, headers.ContentType?.MediaType ?? "application/octet-stream"), status);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is OperationCanceledException or HttpRequestException or ExecutionRejectedException)
        {
            return ApiResult<DocumentFile>.Unavailable($"The document could not be downloaded: {error.Message}");
        }
    }

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.SportCertificate => "sport_certificate",
        DocumentKind.LabResult => "lab_result",
        DocumentKind.VisitSummary => "visit_summary",
        DocumentKind.Receipt => "receipt",
        _ => "visit_certificate",
    };
}
