namespace Clinic.Telegram.Fake.Tests;
