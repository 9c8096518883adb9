using Clinic.Contracts;

namespace Clinic.Api.Features.Feedback;

/// <summary>Net Promoter Score: % promoters (9–10) − % detractors (0–6), passives (7–8) only count in the total.</summary>
public static class Nps
{
    public static NpsDto Of(IEnumerable<int> scores)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var score in scores)
        {
            switch (FeedbackReasons.GroupOf(score))
            {
                case NpsGroup.Promoter: promoters++; break;
                case NpsGroup.Passive: passives++; break;
                default: detractors++; break;
            }
        }
        var total = promoters + passives + detractors;
        double? nps = total == 0 ? null : Math.Round(100.0 * (promoters - detractors) / total, 1, MidpointRounding.AwayFromZero);
        return new NpsDto(total, promoters, passives, detractors, nps);
    }
}
