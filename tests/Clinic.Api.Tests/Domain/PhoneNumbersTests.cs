namespace Clinic.Api.Tests.Domain;

// Inside the namespace, so that it wins over libphonenumber's root namespace of the same name.
using PhoneNumbers = Clinic.Api.Features.Patients.PhoneNumbers;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+7 701 123 45 67")]
    [InlineData("87011234567")]
    [InlineData("7011234567")]
    [InlineData("+77011234567")]
    [InlineData("8 (701) 123-45-67")]
    [InlineData("  +7-701-123-45-67  ")]
    public void AKazakhMobileNumberInAnyCommonFormBecomesE164(string input)
    {
        Assert.True(PhoneNumbers.TryNormalize(input, out var e164));
        Assert.Equal("+77011234567", e164);
    }

    [Fact]
    public void AKazakhLandlineIsAccepted()
    {
        Assert.True(PhoneNumbers.TryNormalize("8 727 250 12 34", out var e164));
        Assert.Equal("+77272501234", e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("+7 701 ABC 45 67")]
    [InlineData("12345")]
    [InlineData("8701123456")]
    [InlineData("870112345678")]
    [InlineData("+7 000 000 00 00")]
    [InlineData("+7 701 123 45 67; DROP TABLE patients")]
    [InlineData("+7 701 123 45 67 89 01 23 45 67 89 01 23 45")]
    public void JunkAndNumbersThatCannotExistAreRejected(string? input)
    {
        Assert.False(PhoneNumbers.TryNormalize(input, out var e164));
        Assert.Equal(string.Empty, e164);
    }

    [Fact]
    public void MaskingHidesTheMiddleDigits()
    {
        Assert.Equal("+7701*****67", PhoneNumbers.Mask("+77011234567"));
    }
}
