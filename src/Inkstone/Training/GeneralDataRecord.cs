namespace Inkstone.Training;

/// <summary>One line of a general-data file: either a usable sample or the reason it is not usable.</summary>
public sealed record GeneralDataRecord
{
    private GeneralDataRecord(GeneralSample? sample, GeneralDataIssue? issue)
    {
        Sample = sample;
        Issue = issue;
    }

    public GeneralSample? Sample { get; }

    public GeneralDataIssue? Issue { get; }

    public static GeneralDataRecord Valid(GeneralSample sample) => new(sample ?? throw new ArgumentNullException(nameof(sample)), null);

    public static GeneralDataRecord Invalid(GeneralDataIssue issue) => new(null, issue ?? throw new ArgumentNullException(nameof(issue)));
}
