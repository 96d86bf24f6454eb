namespace Coordination.Agencies.Contracts.Register;

/// <summary>
/// A risk's impact, 1 (limited) to 5 (catastrophic), on each dimension of its reasonable worst case. The overall
/// impact is the highest of them (<see cref="Overall"/>): a risk that would kill hundreds is catastrophic however
/// small its cost.
/// </summary>
/// <param name="Fatalities">Deaths.</param>
/// <param name="Casualties">Injuries and illness.</param>
/// <param name="Displacement">People who must leave their homes.</param>
/// <param name="Economic">Economic loss.</param>
/// <param name="EssentialServices">Water, power, health care, communications, transport.</param>
/// <param name="SocialPsychological">Public alarm, social cohesion.</param>
/// <param name="Environment">Damage to land, water, the sea.</param>
/// <param name="Security">Public order and national security.</param>
public sealed record RiskImpacts(int Fatalities, int Casualties, int Displacement, int Economic, int EssentialServices, int SocialPsychological, int Environment, int Security)
{
    /// <summary>Every dimension with its score, in the register's order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Dimension, int Score)> Dimensions =>
    [
        (nameof(Fatalities), Fatalities), (nameof(Casualties), Casualties), (nameof(Displacement), Displacement), (nameof(Economic), Economic),
        (nameof(EssentialServices), EssentialServices), (nameof(SocialPsychological), SocialPsychological), (nameof(Environment), Environment), (nameof(Security), Security),
    ];

    /// <summary>The overall impact: the highest dimension's score (sent beside a risk as <c>overallImpact</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Overall => Dimensions.Max(d => d.Score);
}
