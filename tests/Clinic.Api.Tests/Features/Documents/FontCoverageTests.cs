using System.Text;
using Clinic.Api.Features.Documents.Pdf;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>Whatever a patient or a clerk types, the document font either draws it or prints the replacement mark.</summary>
public sealed class FontCoverageTests
{
    [Fact]
    public void Every_character_of_the_basic_plane_and_beyond_prints_without_an_error()
    {
        var everything = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
            everything.Append((char)c).Append(c % 24 == 0 ? " " : "");
        everything.Append("😀👍🏽🇰🇿 𠀋 \ud800 \udfff");

        foreach (var chunk in everything.ToString().Chunk(4000))
        {
            var pdf = new ClinicPdf("Coverage").Text(new string(chunk), 8, 0).Build();
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        }
    }

    [Fact]
    public void Kazakh_and_Russian_letters_and_the_tenge_sign_are_drawn_not_replaced()
    {
        var text = PdfReading.Text(new ClinicPdf("Letters").Text("Әлиева Ғалия Қайратқызы · Ұлы Үміт Һ І Ө ₸ №").Build());

        Assert.Contains("Әлиева Ғалия Қайратқызы · Ұлы Үміт Һ І Ө ₸ №", text);
        Assert.DoesNotContain(FontCoverage.Missing, text);
    }
}
