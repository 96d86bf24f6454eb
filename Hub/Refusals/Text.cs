using Coordination.Hub.Localization;

namespace Coordination.Hub.Refusals;

/// <summary>A message a person reads, written in English and Arabic; shown in the language of the request.</summary>
public readonly record struct Text(string English, string Arabic)
{
    public override string ToString() => Say.IsArabic ? Arabic : English;
}
