namespace Clinic.Api;

/// <summary>A setting the API refuses to start with. The message is one line naming the variable and the fix.</summary>
public sealed class ApiConfigurationException(string message) : InvalidOperationException(message);
