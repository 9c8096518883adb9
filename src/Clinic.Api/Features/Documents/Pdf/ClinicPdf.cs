using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>
/// One A4 page laid out top to bottom in the shipped DejaVu Sans (Cyrillic including every Kazakh letter, Latin, ₸).
/// The layouts (<see cref="CertificatePdf"/>, <see cref="ReceiptPdf"/>) say what goes where; this class only places text.
/// A character the font lacks is printed as a visible replacement mark (<see cref="FontCoverage"/>): PdfPig would throw.
/// </summary>
public sealed class ClinicPdf
{
    private const double Margin = 56;
    private static readonly Lazy<byte[]> FontBytes = new(LoadFont);
    private static readonly Lazy<FontCoverage> Coverage = new(() => new FontCoverage(FontBytes.Value));

    /// <summary>PdfPig maps at most 256 distinct characters to one embedded font.</summary>
    private const int CharactersPerFont = 255;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;
    private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Drawn)> _fonts = [];
    private readonly PdfPageBuilder _page;
    private readonly double _width;
    private double _y;

    public ClinicPdf(string title)
    {
        _builder.DocumentInformation.Title = title;
        _builder.DocumentInformation.Producer = "Clinic API";
        _font = _builder.AddTrueTypeFont(FontBytes.Value);
        _fonts.Add((_font, []));
        _page = _builder.AddPage(PageSize.A4);
        _width = _page.PageSize.Width - 2 * Margin;
        _y = _page.PageSize.Height - Margin;
    }

    public ClinicPdf Text(string text, double size = 11, double gapAfter = 4)
    {
        foreach (var line in Wrap(text, size, _width))
        {
            _y -= size * 1.3;
            if (line.Length > 0)
                AddLine(line, size, new PdfPoint(Margin, _y));
        }
        _y -= gapAfter;
        return this;
    }

    public ClinicPdf Centered(string text, double size, double gapAfter = 4)
    {
        foreach (var line in Wrap(text, size, _width))
        {
            _y -= size * 1.3;
            if (line.Length > 0)
                AddLine(line, size, new PdfPoint(Margin + (_width - Measure(line, size)) / 2, _y));
        }
        _y -= gapAfter;
        return this;
    }

    /// <summary>"Label: value" with the value wrapped in its own column, so long names stay readable.</summary>
    public ClinicPdf Field(string label, string value, double size = 11)
    {
        const double labelWidth = 170;
        var top = _y;
        var labelLines = Wrap(label + ":", size, labelWidth - 8);
        var valueLines = Wrap(value, size, _width - labelWidth);
        for (var i = 0; i < labelLines.Count; i++)
            if (labelLines[i].Length > 0)
                AddLine(labelLines[i], size, new PdfPoint(Margin, top - size * 1.3 * (i + 1)));
        for (var i = 0; i < valueLines.Count; i++)
            if (valueLines[i].Length > 0)
                AddLine(valueLines[i], size, new PdfPoint(Margin + labelWidth, top - size * 1.3 * (i + 1)));
        _y = top - size * 1.3 * Math.Max(labelLines.Count, valueLines.Count) - 5;
        return this;
    }

    public ClinicPdf Rule(double gapAfter = 10)
    {
        _y -= 6;
        _page.DrawLine(new PdfPoint(Margin, _y), new PdfPoint(Margin + _width, _y), 0.7);
        _y -= gapAfter;
        return this;
    }

    public ClinicPdf Space(double points)
    {
        _y -= points;
        return this;
    }

    /// <summary>The QR code of <paramref name="url"/> at the left, with the caption and the URL beside it.</summary>
    public ClinicPdf Qr(string url, string caption)
    {
        const double side = 110;
        var top = _y - 10;
        _page.AddPng(QrPng.Create(url), new PdfRectangle(Margin, top - side, Margin + side, top));
        var textLeft = Margin + side + 14;
        var lineY = top - 30;
        foreach (var line in Wrap(caption, 10, _width - side - 14))
        {
            AddLine(line, 10, new PdfPoint(textLeft, lineY));
            lineY -= 14;
        }
        foreach (var line in Wrap(url, 9, _width - side - 14))
        {
            AddLine(line, 9, new PdfPoint(textLeft, lineY));
            lineY -= 13;
        }
        _y = top - side - 8;
        return this;
    }

    public byte[] Build() => _builder.Build();

    /// <summary>
    /// Draws one line with an embedding of the font that has room for its characters: a document with more distinct
    /// characters than one embedding can map (a name in Georgian, an organization in Greek) embeds the font again.
    /// </summary>
    private void AddLine(string line, double size, PdfPoint at)
    {
        var characters = line.ToHashSet();
        var (font, drawn) = _fonts.FirstOrDefault(f => f.Drawn.Count + characters.Count(c => !f.Drawn.Contains(c)) <= CharactersPerFont);
        if (font is null)
        {
            font = _builder.AddTrueTypeFont(FontBytes.Value);
            drawn = [];
            _fonts.Add((font, drawn));
        }
        drawn.UnionWith(characters);
        _page.AddText(line, size, at, font);
    }

    private double Measure(string text, double size)
    {
        if (text.Length == 0)
            return 0;
        var letters = _page.MeasureText(text, size, new PdfPoint(0, 0), _font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>Greedy word wrap by the font's real widths; a word longer than the line is cut where it must be.</summary>
    private List<string> Wrap(string text, double size, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Coverage.Value.Printable(text.Replace("\r", "")).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, size) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (line.Length > 1 && Measure(line, size) > width)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && Measure(line[..fits], size) > width)
                        fits--;
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private static byte[] LoadFont()
    {
        using var stream = typeof(ClinicPdf).Assembly.GetManifestResourceStream("Clinic.Api.Documents.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded DejaVu Sans font is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
