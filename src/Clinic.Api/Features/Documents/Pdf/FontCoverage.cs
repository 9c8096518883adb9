using System.Collections;
using System.Text;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>
/// Which characters the shipped font can draw. DejaVu Sans has no CJK, Devanagari or emoji, and PdfPig throws on a
/// glyph the font lacks; a patient named "王 小明" must still get a certificate and a receipt. So every character the
/// font cannot draw is printed as <see cref="Missing"/> ("�"): visibly missing, never silently dropped. (A fallback font
/// for CJK alone is over 15 MB, in the repository and in every image, for a rare case.)
/// </summary>
public sealed class FontCoverage
{
    /// <summary>U+FFFD REPLACEMENT CHARACTER, which DejaVu Sans draws as a question mark in a diamond.</summary>
    public const char Missing = '\uFFFD';

    private readonly BitArray _drawable = new(char.MaxValue + 1);

    public FontCoverage(byte[] trueTypeFont)
    {
        // Read once up front: the set is then immutable, so concurrent documents share it without locks.
        var font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(trueTypeFont));
        for (var c = 0; c <= char.MaxValue; c++)
            _drawable[c] = !char.IsSurrogate((char)c) && !char.IsControl((char)c) && font.TryGetBoundingBox(c, out _);
        if (!_drawable[Missing])
            throw new InvalidOperationException("The document font has no replacement character.");
    }

    public bool CanDraw(char c) => _drawable[c];

    /// <summary>
    /// <paramref name="text"/> as the font can print it: line breaks kept, other white space (tabs, odd spaces) as a
    /// plain space, and each character the font lacks (one per code point, so an emoji is one mark) as <see cref="Missing"/>.
    /// </summary>
    public string Printable(string text)
    {
        if (text.All(c => c is '\n' || CanDraw(c)))
            return text;
        var printable = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
                printable.Append('\n');
            else if (Rune.IsWhiteSpace(rune))
                printable.Append(' ');
            else if (rune.IsBmp && CanDraw((char)rune.Value))
                printable.Append((char)rune.Value);
            else
                printable.Append(Missing);
        }
        return printable.ToString();
    }
}
