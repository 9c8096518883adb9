namespace Clinic.Bot.Tests;
