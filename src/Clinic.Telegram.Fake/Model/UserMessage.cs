namespace Clinic.Telegram.Fake;

/// <summary>A message the user sent in the chat, as the user's own Telegram client shows it.</summary>
public sealed record UserMessage
{
    public required int MessageId { get; init; }
    public required DateTimeOffset Date { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<TextEntity> Entities { get; init; } = [];

    /// <summary>The phone number of a shared contact card.</summary>
    public string? ContactPhone { get; init; }
    public FakeFile? Photo { get; init; }
    public FakeFile? Document { get; init; }
    public string? Caption { get; init; }

    /// <summary>The bot deleted it (deleteMessage works on the user's messages too).</summary>
    public bool Deleted { get; init; }
}
