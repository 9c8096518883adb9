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

    private readonly TrueTypeFont _font;
    private readonly Lock _fontLock = new();

    /// <summary>Per character: 0 not yet asked, 1 drawable, 2 not. Filled as characters are met, since asking the font
    /// about all 65,536 up front costs seconds on the first document of a cold server.</summary>
    private readonly byte[] _known = new byte[char.MaxValue + 1];

    public FontCoverage(byte[] trueTypeFont)
    {
        _font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(trueTypeFont));
        if (!CanDraw(Missing))
            throw new InvalidOperationException("The document font has no replacement character.");
    }

    public bool CanDraw(char c)
    {
        var known = Volatile.Read(ref _known[c]);
        if (known == 0)
        {
            bool drawable;
            lock (_fontLock) // the parsed font is not documented as safe for concurrent readers
                drawable = !char.IsSurrogate(c) && !char.IsControl(c) && _font.TryGetBoundingBox(c, out _);
            known = drawable ? (byte)1 : (byte)2;
            Volatile.Write(ref _known[c], known);
        }

        return known == 1;
    }

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
