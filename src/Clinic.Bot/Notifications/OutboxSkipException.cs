namespace Clinic.Bot.Notifications;

/// <summary>
/// Thrown by a renderer when its message is no longer worth sending (the visit was cancelled or has started):
/// the sender reports the row <c>cancelled</c> with <see cref="Exception.Message"/> as the reason, and nothing is sent.
/// </summary>
public sealed class OutboxSkipException(string reason) : Exception(reason);
