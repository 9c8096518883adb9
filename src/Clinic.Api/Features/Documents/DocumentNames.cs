using System.Text;

namespace Clinic.Api.Features.Documents;

/// <summary>What a document is called when it is downloaded or shown to someone else.</summary>
public static class DocumentNames
{
    /// <summary>"{title} {number}.pdf" without characters a file system or a header would choke on. The download
    /// response adds the ASCII fallback and the RFC 5987 <c>filename*</c> form of it.</summary>
    public static string FileName(Document document)
    {
        var title = new StringBuilder();
        foreach (var c in document.Title)
            title.Append(char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? ' ' : c);
        var clean = string.Join(' ', title.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length > 80)
            clean = clean[..80].TrimEnd();
        return $"{clean} {document.Number}{FileSignatures.ExtensionOf(document.ContentType)}".TrimStart();
    }

    /// <summary>"Иванова Анна Сергеевна" → "И. А. С.": enough to match a paper to a person, not to identify them.</summary>
    public static string Initials(string? fullName) =>
        string.Join(' ', (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => char.IsLetter(word[0]))
            .Select(word => char.ToUpperInvariant(word[0]) + "."));
}
