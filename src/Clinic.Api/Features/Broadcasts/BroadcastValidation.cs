using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>Checks a draft at the edge: HTML Telegram accepts, a complete button, links that open, a segment that exists.</summary>
public static class BroadcastValidation
{
    public const int MaxButtonText = 64;

    public static async Task<BadRequest<ApiError>?> CheckAsync(
        BroadcastCreateRequest request, BroadcastSegment segment, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var hasPhoto = !string.IsNullOrWhiteSpace(request.PhotoUrl) || !string.IsNullOrWhiteSpace(request.PhotoFileId);
        var html = TelegramHtml.Validate(request.Text ?? "", asCaption: hasPhoto);
        if (html is not null)
            return TypedResults.BadRequest(new ApiError(ErrorCodes.InvalidHtml, html, new Dictionary<string, string[]> { ["text"] = [html] }));

        var errors = await CheckSegmentAsync(segment, db, options, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.PhotoUrl) && !IsHttpUrl(request.PhotoUrl))
            errors.Add("photo_url", "Must be an absolute http(s) URL.");
        if (!string.IsNullOrWhiteSpace(request.PhotoUrl) && !string.IsNullOrWhiteSpace(request.PhotoFileId))
            errors.Add("photo_file_id", "Give a photo URL or a file id, not both.");
        var hasText = !string.IsNullOrWhiteSpace(request.ButtonText);
        var hasUrl = !string.IsNullOrWhiteSpace(request.ButtonUrl);
        if (hasText != hasUrl)
            errors.Add(hasText ? "button_url" : "button_text", "A button needs both a text and a URL.");
        if (hasText && request.ButtonText!.Trim().Length > MaxButtonText)
            errors.Add("button_text", $"At most {MaxButtonText} characters.");
        if (hasUrl && !IsHttpUrl(request.ButtonUrl!))
            errors.Add("button_url", "Must be an absolute http(s) URL.");
        return errors.Any ? Errors.Validation(errors.ToDictionary()) : null;
    }

    public static async Task<FieldErrors> CheckSegmentAsync(
        BroadcastSegment segment, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var org = options.DefaultOrganizationId;
        if (segment.AgeFrom is < 0 or > 150)
            errors.Add("segment.age_from", "Must be from 0 to 150.");
        if (segment.AgeTo is < 0 or > 150)
            errors.Add("segment.age_to", "Must be from 0 to 150.");
        if (segment is { AgeFrom: { } from, AgeTo: { } to } && from > to)
            errors.Add("segment.age_to", "Must not be less than age_from.");
        if (segment.BranchId is { } branch && !await db.Branches.AnyAsync(b => b.Id == branch && b.OrganizationId == org, cancellationToken))
            errors.Add("segment.branch_id", "No such branch.");
        if (segment.ServiceId is { } service && !await db.Services.AnyAsync(s => s.Id == service && s.OrganizationId == org, cancellationToken))
            errors.Add("segment.service_id", "No such service.");
        if (segment.DoctorId is { } doctor && !await db.Doctors.AnyAsync(d => d.Id == doctor && d.OrganizationId == org, cancellationToken))
            errors.Add("segment.doctor_id", "No such doctor.");
        return errors;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
