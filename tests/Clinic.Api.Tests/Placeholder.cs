namespace Clinic.Api.Tests;
