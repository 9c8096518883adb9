using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Domain;

public sealed class IinTests
{
    [Fact]
    public void AnIinWhoseFirstChecksumPassMatchesIsValid()
    {
        var check = Iin.Check("900101300007");

        Assert.Equal(new IinCheck(true, new DateOnly(1990, 1, 1), Sex.Male, null), check);
    }

    [Fact]
    public void AnIinThatNeedsTheSecondChecksumPassIsValid()
    {
        var check = Iin.Check("900101300811");

        Assert.True(check.Valid);
        Assert.Equal(new DateOnly(1990, 1, 1), check.BirthDate);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('2')]
    [InlineData('3')]
    [InlineData('4')]
    [InlineData('5')]
    [InlineData('6')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void NoIinStartingWithDigitsWhoseBothChecksumPassesGiveTenIsValid(char last)
    {
        var check = Iin.Check("90010130080" + last);

        Assert.False(check.Valid);
        Assert.Equal("checksum", check.Reason);
    }

    [Theory]
    [InlineData("991231100010", 1899, 12, 31, Sex.Male)]
    [InlineData("850715400129", 1985, 7, 15, Sex.Female)]
    [InlineData("051231501237", 2005, 12, 31, Sex.Male)]
    [InlineData("000229500018", 2000, 2, 29, Sex.Male)]
    public void TheSeventhDigitGivesTheCenturyOfTheBirthDateAndTheSex(string iin, int year, int month, int day, Sex sex)
    {
        var check = Iin.Check(iin);

        Assert.True(check.Valid);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
        Assert.Equal(sex, check.Sex);
    }

    [Theory]
    [InlineData("900101000007")]
    [InlineData("900101700007")]
    [InlineData("900101800007")]
    [InlineData("900101900007")]
    public void ACenturyDigitOutsideOneToSixIsRejected(string iin)
    {
        Assert.Equal(new IinCheck(false, null, null, "century"), Iin.Check(iin));
    }

    [Theory]
    [InlineData("991332300000")]
    [InlineData("990001300000")]
    [InlineData("990100300000")]
    [InlineData("990230300000")]
    [InlineData("000229300015")]
    public void ABirthDateThatDoesNotExistIsRejected(string iin)
    {
        Assert.Equal("birth_date", Iin.Check(iin).Reason);
    }

    [Fact]
    public void AWrongCheckDigitIsRejected()
    {
        Assert.Equal("checksum", Iin.Check("900101300008").Reason);
    }

    [Theory]
    [InlineData("90010130000A")]
    [InlineData("9001O1300007")]
    [InlineData("900101 300007")]
    [InlineData("900101-300007")]
    [InlineData("٩٠٠١٠١٣٠٠٠٠٧")]
    public void LettersPunctuationAndNonLatinDigitsAreRejected(string iin)
    {
        Assert.Equal(new IinCheck(false, null, null, "not_digits"), Iin.Check(iin));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("90010130000")]
    [InlineData("9001013000071")]
    public void AnythingButTwelveDigitsIsRejectedForItsLength(string? iin)
    {
        Assert.Equal(new IinCheck(false, null, null, "length"), Iin.Check(iin));
    }

    [Fact]
    public void SurroundingWhitespaceIsIgnored()
    {
        Assert.True(Iin.Check(" \t900101300007\n").Valid);
    }

    [Fact]
    public void RejectingAnIinAllocatesNothing()
    {
        Iin.Check("900101300008");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Iin.Check("900101300008");
            Iin.Check("90010130000A");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("900101300007", "9001******07")]
    [InlineData(" 900101300007 ", "9001******07")]
    [InlineData("12345", "*****")]
    public void MaskingKeepsOnlyTheFirstFourAndLastTwoDigits(string iin, string masked)
    {
        Assert.Equal(masked, Iin.Mask(iin));
    }
}
